/** "Propose a decision about this passage": shown above the text while some text is selected. */
import { useEditorState, type Editor } from '@tiptap/react';
import { canEditContent, type DecisionAnchor } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { usePanelScope } from '../panelScope';
import { anchorFromSelection } from './anchors';

export function ProposeFromSelection({ editor, onPropose }: { editor: Editor | null; onPropose: (anchor: DecisionAnchor | null) => void }) {
  const { t } = useI18n();
  const { permission } = usePanelScope();
  const selected = useEditorState({ editor, selector: ({ editor: current }) => (current ? !current.state.selection.empty : false) });
  const mayPropose = canEditContent(permission) || permission === 'commenter';
  if (!editor || !selected || !mayPropose) return null;
  return (
    <button
      type="button"
      className="button button--quiet doc-tools__propose"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onPropose(anchorFromSelection(editor))}
    >
      {t('decisions.proposeAboutPassage')}
    </button>
  );
}
