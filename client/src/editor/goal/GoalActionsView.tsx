/**
 * A goal's linked actions: a label, a hint, the actions themselves (each its own node view) and,
 * while the document is editable, a button that adds one.
 */
import { useId } from 'react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useI18n } from '../../i18n/I18nProvider';
import { addGoalAction } from './goalActionCommands';
import { useEditorEditable } from './useEditorEditable';

export function GoalActionsView({ node, editor, getPos }: ReactNodeViewProps) {
  const { t } = useI18n();
  const labelId = useId();
  const editable = useEditorEditable(editor);
  const add = () => {
    const pos = getPos();
    if (typeof pos === 'number') addGoalAction(editor, pos + node.nodeSize - 1, false);
  };
  return (
    <NodeViewWrapper className="goal__actions" role="group" aria-labelledby={labelId} aria-describedby={`${labelId}-hint`}>
      <div className="goal__actions-heading" contentEditable={false}>
        <p id={labelId} className="goal__actions-label">
          {t('goal.actions')}
        </p>
        <p id={`${labelId}-hint`} className="goal__voice-hint">
          {t('goal.actions.hint')}
        </p>
        {node.childCount === 0 && <p className="goal__actions-empty">{t('goal.actions.none')}</p>}
      </div>
      <NodeViewContent className="goal__actions-list" />
      {editable && (
        <div className="goal__actions-footer" contentEditable={false}>
          <button type="button" className="button goal__add-action" onClick={add}>
            <span aria-hidden="true">+ </span>
            {t('goal.action.add')}
          </button>
        </div>
      )}
    </NodeViewWrapper>
  );
}
