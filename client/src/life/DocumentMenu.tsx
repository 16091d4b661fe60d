/**
 * The "Document" menu of the document's top bar: rename, archive, who can open it, who consulted
 * it, move, trash, with what applies to the caller; and badges saying when the document is
 * archived or restricted. The caller's place in the workspace is loaded fresh (a workspace made
 * after sign-in is not in the session's memberships), with whether the document is archived
 * (absent from the default list) and restricted (its access list).
 */
import { useState } from 'react';
import type { DocumentInfo } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths } from '../router';
import { FormAlert } from '../ui/FormAlert';
import { refreshScreenData, useLoad } from '../ui/useLoad';
import { ActionMenu } from './ActionMenu';
import { StatusBadges } from './StatusBadges';
import { changeMessage } from './changeMessage';
import { useDocumentActions, type LifeChange, type Standing } from './documentActions';
import { lifeApi } from './lifeApi';

export function DocumentMenu({ document: info }: { document: DocumentInfo }) {
  const state = useLoad(
    () => Promise.all([api.getWorkspace(info.workspaceId), lifeApi.listDocuments(info.workspaceId, false), lifeApi.getAccess(info.id)]),
    [info.id, info.workspaceId],
  );
  if (state.status !== 'ready') return null;
  const [workspace, list, access] = state.data;
  return (
    <LoadedMenu
      info={info}
      standing={{ permission: workspace.permission, role: workspace.role }}
      archived={!list.documents.some((d) => d.id === info.id)}
      restricted={access.restricted}
    />
  );
}

function LoadedMenu({ info, standing, archived, restricted }: { info: DocumentInfo; standing: Standing; archived: boolean; restricted: boolean }) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const onChanged = (change: LifeChange) => {
    if (change.kind === 'trashed') return navigate(paths.workspace(info.workspaceId));
    setAnnouncement(changeMessage(change, info.title, t));
    // The title, the workspace, the badges and the permission shown elsewhere on the screen.
    refreshScreenData();
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
