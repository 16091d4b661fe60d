/** What building a template may need from outside: ids (injectable, so tests can fix them). */
export interface TemplateContext {
  /** A fresh id, for goals and for their linked actions. */
  newGoalId(): string;
}
