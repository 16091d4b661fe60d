/**
 * The goal block as people see it: a header with the goal's facts (status, target date, who
 * expressed it) and, below, its two voices side by side (stacked on narrow screens). The facts
 * are form controls while the document is editable, and plain words otherwise.
 */
import { useId } from 'react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { GOAL_ACTIONS_NODE, GoalDateSchema, GoalStatusSchema, type GoalStatus } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { addGoalAction } from './goalActionCommands';
import { GoalControls } from './GoalControls';
import { GoalFacts } from './GoalFacts';
import { useEditorEditable } from './useEditorEditable';
import './goal.css';

/** The block's attributes as the view uses them; values another client wrote badly are ignored. */
export interface GoalFactsValue {
  status: GoalStatus;
  targetDate: string | null;
  expressedBy: string | null;
  expressedByName: string | null;
}

export type GoalFactsChange = Partial<Record<keyof GoalFactsValue, string | null>>;

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function readGoalFacts(attrs: Record<string, unknown>): GoalFactsValue {
  return {
    status: GoalStatusSchema.catch('proposed').parse(attrs.status),
    targetDate: GoalDateSchema.safeParse(attrs.targetDate).success ? (attrs.targetDate as string) : null,
    expressedBy: optionalText(attrs.expressedBy),
    expressedByName: optionalText(attrs.expressedByName),
  };
}

export function NegotiatedGoalView({ node, editor, getPos, updateAttributes }: ReactNodeViewProps) {
  const { t } = useI18n();
  const titleId = useId();
  const editable = useEditorEditable(editor);
  const facts = readGoalFacts(node.attrs);
  // A goal written before linked actions existed has no list yet: its first action brings one.
  const hasActionList = node.lastChild?.type.name === GOAL_ACTIONS_NODE;
  const addFirstAction = () => {
    const pos = getPos();
    if (typeof pos === 'number') addGoalAction(editor, pos + node.nodeSize - 1, true);
  };
  return (
    <NodeViewWrapper className="goal" role="group" aria-labelledby={titleId} data-status={facts.status}>
      <div className="goal__header" contentEditable={false}>
        <p id={titleId} className="goal__title">
          <span className="goal__icon" aria-hidden="true">
            ◎
          </span>
          {t('goal.label')}
        </p>
        {editable ? <GoalControls facts={facts} onChange={(change: GoalFactsChange) => updateAttributes(change)} /> : <GoalFacts facts={facts} />}
      </div>
      <NodeViewContent className="goal__voices" />
      {editable && !hasActionList && (
        <div className="goal__actions-footer" contentEditable={false}>
          <button type="button" className="button goal__add-action" onClick={addFirstAction}>
            <span aria-hidden="true">+ </span>
            {t('goal.action.add')}
          </button>
        </div>
      )}
    </NodeViewWrapper>
  );
}
