/**
 * One linked action: what will be done (its paragraph, ordinary shared text), then who does it,
 * by when and with what support (labelled inputs, each an attribute of the node: the last
 * change wins), and a remove button that asks first. Readers see the facts in words.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { createPortal } from 'react-dom';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { GOAL_ACTION_LIMITS, GoalDateSchema } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalog';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatGoalDate } from './GoalFacts';
import { useEditorEditable } from './useEditorEditable';

type ActionFact = keyof typeof GOAL_ACTION_LIMITS;
const FACTS: Array<{ name: ActionFact; label: MessageKey; hint?: MessageKey }> = [
  { name: 'who', label: 'goal.action.who', hint: 'goal.action.who.hint' },
  { name: 'when', label: 'goal.action.when', hint: 'goal.action.when.hint' },
  { name: 'support', label: 'goal.action.support', hint: 'goal.action.support.hint' },
];

function factValue(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function GoalActionView({ node, editor, getPos, updateAttributes }: ReactNodeViewProps) {
  const { t, language } = useI18n();
  const id = useId();
  const editable = useEditorEditable(editor);
  const [confirming, setConfirming] = useState(false);

  const change = (name: ActionFact) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value.slice(0, GOAL_ACTION_LIMITS[name]);
    updateAttributes({ [name]: value === '' ? null : value });
  };
  const remove = () => {
    const pos = getPos();
    if (typeof pos === 'number') editor.chain().deleteRange({ from: pos, to: pos + node.nodeSize }).run();
    setConfirming(false);
    return Promise.resolve(null);
  };
  const shown = (name: ActionFact) => {
    const value = factValue(node.attrs[name]).trim();
    if (!value) return t('goal.action.notSet');
    return name === 'when' && GoalDateSchema.safeParse(value).success ? formatGoalDate(value, language) : value;
  };

  return (
    <NodeViewWrapper className="goal__action" role="group" aria-labelledby={`${id}-label`}>
      <div className="goal__action-heading" contentEditable={false}>
        <p id={`${id}-label`} className="goal__action-label">
          {t('goal.action.label')}
        </p>
        {editable && (
          <button type="button" className="button button--danger-quiet goal__action-remove" onClick={() => setConfirming(true)}>
            {t('goal.action.remove')}
          </button>
        )}
      </div>
      <p className="goal__action-what" contentEditable={false}>
        {t('goal.action.description')}
      </p>
      <NodeViewContent className="goal__action-text" />
      {editable ? (
        <div className="goal__action-facts" contentEditable={false}>
          {FACTS.map(({ name, label, hint }) => (
            <div key={name} className="goal__control">
              <label htmlFor={`${id}-${name}`}>{t(label)}</label>
              <input
                id={`${id}-${name}`}
                className="goal__input"
                type="text"
                autoComplete="off"
                maxLength={GOAL_ACTION_LIMITS[name]}
                value={factValue(node.attrs[name])}
                onChange={change(name)}
                aria-describedby={hint ? `${id}-${name}-hint` : undefined}
              />
              {hint && (
                <p id={`${id}-${name}-hint`} className="goal__control-note">
                  {t(hint)}
                </p>
              )}
            </div>
          ))}
        </div>
      ) : (
        <dl className="goal__facts goal__action-facts" contentEditable={false}>
          {FACTS.map(({ name, label }) => (
            <div key={name} className="goal__fact">
              <dt>{t(label)}</dt>
              <dd>{shown(name)}</dd>
            </div>
          ))}
        </dl>
      )}
      {confirming &&
        createPortal(
          <ConfirmDialog
            title={t('goal.action.remove.title')}
            confirmLabel={t('goal.action.remove.confirm')}
            onConfirm={remove}
            onCancel={() => setConfirming(false)}
            fallbackFocus={() => editor.commands.focus()}
          >
            <p>{t('goal.action.remove.body')}</p>
          </ConfirmDialog>,
          document.body,
        )}
    </NodeViewWrapper>
  );
}
