/**
 * "Comment on this passage": shown above the text while some text is selected, for everyone who
 * may comment. Commenters have no toolbar (their text box is read-only), so this is their way in.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useI18n } from '../i18n/I18nProvider';
import { anchorFromSelection } from '../panels/decisions/anchors';
import { useComments } from './CommentsContext';

export function CommentFromSelection({ editor }: { editor: Editor | null }) {
  const { t } = useI18n();
  const { mayComment, startDraft } = useComments();
  const selected = useEditorState({ editor, selector: ({ editor: current }) => (current ? !current.state.selection.empty : false) });
  if (!editor || !selected || !mayComment) return null;
  return (
    <button
      type="button"
      className="button button--quiet doc-tools__comment"
      data-testid="comment-on-selection"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => startDraft(anchorFromSelection(editor))}
    >
      {t('comments.onPassage')}
    </button>
  );
}
