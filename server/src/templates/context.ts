/** What building a template may need from outside: ids (injectable, so tests can fix them). */
export interface TemplateContext {
  newGoalId(): string;
}
