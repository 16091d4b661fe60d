/**
 * The Tiptap editor bound to the document's Y.Doc (field 'default'). Undo/redo comes from the
 * Collaboration extension (per-person Yjs undo), so StarterKit's own history is turned off.
 */
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { CollabSession } from '../collab/session';
import { useI18n } from '../i18n/I18nProvider';
import { renderCaret } from './caret';
import { Toolbar } from './Toolbar';

interface CollaborativeEditorProps {
  session: CollabSession;
  editable: boolean;
  /** Element ids that describe the text box (e.g. the read-only notice). */
  describedBy?: string;
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

export function CollaborativeEditor({ session, editable, describedBy }: CollaborativeEditorProps) {
  const { t, language } = useI18n();

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
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

  if (!editor) return null;
  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
