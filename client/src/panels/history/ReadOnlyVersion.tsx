/**
 * An earlier version's text, rendered read-only by Tiptap with the editor's content
 * extensions, bound to a throwaway Y.Doc built from the version's state (no provider: nothing
 * is sent anywhere).
 */
import { useMemo } from 'react';
import * as Y from 'yjs';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import { GoalMembersProvider } from '../../editor/goal/goalMembers';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { useLoad } from '../../ui/useLoad';
import { panelsApi } from '../panelsApi';
import { usePanelScope } from '../panelScope';
import { versionExtensions } from './versionExtensions';

function docFromState(base64: string): Y.Doc {
  const doc = new Y.Doc();
  const binary = atob(base64);
  Y.applyUpdate(doc, Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  return doc;
}

export function ReadOnlyVersion({ seq }: { seq: number }) {
  const { info } = usePanelScope();
  const version = useLoad(() => panelsApi.version(info.id, seq), [info.id, seq]);
  if (version.status === 'loading') return <Loading />;
  if (version.status === 'failed') return <LoadFailure error={version.error} onRetry={version.reload} />;
  return <VersionText state={version.data.state} documentId={info.id} />;
}

function VersionText({ state, documentId }: { state: string; documentId: string }) {
  const { t } = useI18n();
  const ydoc = useMemo(() => docFromState(state), [state]);
  // No destroy(): nothing listens to this doc but the editor, and StrictMode would reuse it after a cleanup.
  const editor = useEditor(
    {
      extensions: [...versionExtensions(), Collaboration.configure({ document: ydoc, field: 'default' })],
      editable: false,
      immediatelyRender: true,
      editorProps: {
        attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': 'true', 'aria-label': t('history.versionText'), class: 'editor__content version-text' },
      },
    },
    [ydoc],
  );
  if (!editor) return null;
  return (
    <GoalMembersProvider documentId={documentId}>
      <EditorContent editor={editor} className="editor__surface" />
    </GoalMembersProvider>
  );
}
