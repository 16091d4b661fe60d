/**
 * The "Document" menu of the document's top bar: rename, archive, who can open it, who consulted
 * it, move, trash, with what applies to the caller; and badges saying when the document is
 * archived or restricted. The caller's place in the workspace is loaded fresh (a workspace made
 * after sign-in is not in the session's memberships), with the document's row of the workspace's
 * list (title, archived and restricted flags). When someone else renames or
 * archives the document, the server's `document` notice loads them again for everyone here.
 */
import { useEffect, useState } from 'react';
import type { DocumentInfo } from '../../../shared/src/index';
import { api } from '../api';
import type { CollabSession } from '../collab/session';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths } from '../router';
import { FormAlert } from '../ui/FormAlert';
import { refreshScreenData, useLoad } from '../ui/useLoad';
import { ActionMenu } from './ActionMenu';
import { StatusBadges } from './StatusBadges';
import { changeMessage } from './changeMessage';
import { useDocumentActions, type LifeChange, type Standing } from './documentActions';
import { lifeApi } from './lifeApi';

export function DocumentMenu({ document: info, session }: { document: DocumentInfo; session?: Pick<CollabSession, 'onRecord'> }) {
  const state = useLoad(() => Promise.all([api.getWorkspace(info.workspaceId), lifeApi.listDocuments(info.workspaceId, true)]), [info.id, info.workspaceId]);
  const { reload } = state;
  useEffect(
    () =>
      session?.onRecord((event) => {
        if ((event.kind === 'document' || event.kind === 'access') && event.documentId === info.id) reload();
      }),
    [session, info.id, reload],
  );
  // Renamed by someone else: the title shown elsewhere on the screen is loaded again (only then,
  // since reading the document's details is an entry in its access log).
  const row = state.status === 'ready' ? state.data[1].documents.find((d) => d.id === info.id) : undefined;
  const currentTitle = row?.title;
  useEffect(() => {
    if (currentTitle !== undefined && currentTitle !== info.title) refreshScreenData();
  }, [currentTitle, info.title]);

  if (state.status !== 'ready') return null;
  const [workspace] = state.data;
  return (
    <LoadedMenu
      info={info}
      standing={{ permission: workspace.permission, role: workspace.role }}
      archived={row?.archived ?? info.archived}
      restricted={row?.restricted ?? info.restricted}
      onReload={reload}
    />
  );
}

interface LoadedMenuProps {
  info: DocumentInfo;
  standing: Standing;
  archived: boolean;
  restricted: boolean;
  onReload: () => void;
}

function LoadedMenu({ info, standing, archived, restricted, onReload }: LoadedMenuProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const onChanged = (change: LifeChange) => {
    if (change.kind === 'trashed') return navigate(paths.workspace(info.workspaceId));
    setAnnouncement(changeMessage(change, info.title, t));
    // A new title or workspace is shown elsewhere on the screen; badges are this menu's own.
    if (change.kind === 'renamed' || change.kind === 'moved') refreshScreenData();
    else onReload();
  };
  const { actions, dialog, alert } = useDocumentActions({ document: info, archived, standing, onChanged });
  return (
    <div className="doc-menu">
      <StatusBadges archived={archived} restricted={restricted} />
      {actions.length > 0 && <ActionMenu label={t('life.menu.document')} listLabel={t('life.menu.documentList')} actions={actions} />}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {alert && <FormAlert message={alert} />}
      {dialog}
    </div>
  );
}
