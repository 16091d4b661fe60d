/**
 * The Tiptap editor bound to the document's Y.Doc (field 'default'). Undo/redo comes from the
 * Collaboration extension (per-person Yjs undo), so StarterKit's own history is turned off.
 * The schema must know every node the server's templates write (the negotiated goal block):
 * y-tiptap deletes from the shared document whatever the schema cannot build.
 */
import { useEffect } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { CollabSession } from '../collab/session';
import { useI18n } from '../i18n/I18nProvider';
import { renderCaret } from './caret';
import { GoalMembersProvider } from './goal/goalMembers';
import { NEGOTIATED_GOAL_EXTENSIONS } from './goal/goalNodes';
import { Toolbar } from './Toolbar';
import { Suggestion } from './suggestions/suggestionMark';
import { SuggestionMode } from './suggestions/suggestionMode';
import { SuggestionLayer } from './suggestions/SuggestionLayer';

interface CollaborativeEditorProps {
  session: CollabSession;
  editable: boolean;
  /** Commenters: editable only through suggestions (ADR 0005); no formatting toolbar. */
  suggestOnly?: boolean;
  /** Element ids that describe the text box (e.g. the read-only notice). */
  describedBy?: string;
  /** Hands the editor to the document's side panel (authorship view, decision anchors); null when it goes. */
  onEditor?: (editor: Editor | null) => void;
}

function textboxAttributes(label: string, editable: boolean, describedBy?: string): Record<string, string> {
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': editable ? 'false' : 'true',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    class: 'editor__content',
    spellcheck: 'true',
  };
}

export function CollaborativeEditor({ session, editable, suggestOnly = false, describedBy, onEditor }: CollaborativeEditorProps) {
  const { t, language } = useI18n();

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
        ...NEGOTIATED_GOAL_EXTENSIONS,
        Suggestion,
        SuggestionMode,
        Collaboration.configure({ document: session.ydoc, field: 'default' }),
        CollaborationCaret.configure({ provider: session.provider, user: session.localUser, render: renderCaret }),
      ],
      editable,
      immediatelyRender: true,
      editorProps: { attributes: textboxAttributes(t('editor.label'), editable, describedBy) },
    },
    [session],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.setOptions({ editorProps: { attributes: textboxAttributes(t('editor.label'), editable, describedBy) } });
  }, [editor, editable, describedBy, language, t]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return null;
  return (
    <div className="editor">
      {editable && !suggestOnly && <Toolbar editor={editor} />}
      <SuggestionLayer
        editor={editor}
        documentId={session.provider.roomname}
        self={{ id: session.localUser.id, name: session.localUser.name }}
        mayEdit={editable && !suggestOnly}
        onlySuggest={editable && suggestOnly}
      />
      {session.reopenedAfterRefusal && (
        <p role="alert" className="alert alert--error editor__refused">
          {t('suggestions.refused')}
        </p>
      )}
      <GoalMembersProvider documentId={session.provider.roomname}>
        <EditorContent editor={editor} className="editor__surface" />
      </GoalMembersProvider>
    </div>
  );
}
