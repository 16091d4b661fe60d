/**
 * One voice of a goal ("In my own words" or "Shared reformulation"): a label that is not part of
 * the text, a one-line hint, then the voice's own paragraphs, editable like any text.
 */
import { useId } from 'react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { GOAL_OWN_WORDS_NODE } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { PerspectiveIcon } from '../../people/PerspectiveBadge';

export function GoalVoiceView({ node }: ReactNodeViewProps) {
  const { t } = useI18n();
  const labelId = useId();
  const ownWords = node.type.name === GOAL_OWN_WORDS_NODE;
  return (
    <NodeViewWrapper
      className={`goal__voice goal__voice--${ownWords ? 'own-words' : 'reformulation'}`}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={`${labelId}-hint`}
    >
      <div className="goal__voice-heading" contentEditable={false}>
        <p id={labelId} className="goal__voice-label">
          {/* The person's words are lived experience; the reformulation, professional knowledge. */}
          <PerspectiveIcon perspective={ownWords ? 'experiential' : 'professional'} />
          {t(ownWords ? 'goal.ownWords' : 'goal.reformulation')}
        </p>
        <p id={`${labelId}-hint`} className="goal__voice-hint">
          {t(ownWords ? 'goal.ownWords.hint' : 'goal.reformulation.hint')}
        </p>
      </div>
      <NodeViewContent className="goal__voice-text" />
    </NodeViewWrapper>
  );
}
