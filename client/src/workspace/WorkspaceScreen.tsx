/**
 * One workspace: its name and the caller's place in it, then one of its parts — documents,
 * people, activity (owners) — each at its own address (/w/:id, /w/:id/people, /w/:id/activity).
 */
import { ApiRequestError, api } from '../api';
import type { Workspace } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import { ActivityPanel } from '../people/ActivityPanel';
import { PeoplePanel } from '../people/PeoplePanel';
import { Link, paths, type WorkspaceSection } from '../router';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { WorkspaceFacts } from './WorkspaceSummary';
import { TrashPanel } from '../life/TrashPanel';
import { WorkspaceDocumentsManager } from '../life/WorkspaceDocumentsManager';
import { WorkspaceSettings } from '../life/WorkspaceSettings';

const SECTION_LABELS: Record<WorkspaceSection, MessageKey> = {
  documents: 'workspace.tab.documents',
  people: 'workspace.tab.people',
  activity: 'workspace.tab.activity',
  trash: 'life.tab.trash',
  settings: 'life.tab.settings',
};

export function WorkspaceScreen({ workspaceId, section }: { workspaceId: string; section: WorkspaceSection }) {
  const { t } = useI18n();
  const workspace = useLoad(() => api.getWorkspace(workspaceId), [workspaceId]);
  const missing = workspace.status === 'failed' && workspace.error instanceof ApiRequestError && workspace.error.code === 'not_found';

  return (
    <Page>
      {workspace.status === 'loading' && <Loading />}
      {workspace.status === 'failed' && !missing && <LoadFailure error={workspace.error} onRetry={workspace.reload} />}
      {missing && (
        <>
          <ScreenHeading pageTitle={t('notFound.pageTitle')}>{t('notFound.title')}</ScreenHeading>
          <p>{t('workspace.notFound')}</p>
          <p>
            <Link to={paths.home()}>{t('common.backHome')}</Link>
          </p>
        </>
      )}
      {workspace.status === 'ready' && (
        <WorkspaceView workspace={workspace.data} section={section} onChanged={workspace.reload} />
      )}
    </Page>
  );
}

function WorkspaceView({ workspace, section, onChanged }: { workspace: Workspace; section: WorkspaceSection; onChanged: () => void }) {
  const { t } = useI18n();
  const isOwner = workspace.permission === 'owner';
  const sections: WorkspaceSection[] = isOwner ? ['documents', 'people', 'activity', 'trash', 'settings'] : ['documents', 'people'];
  const pageTitle = section === 'documents' ? workspace.name : `${t(SECTION_LABELS[section])} — ${workspace.name}`;
  return (
    <>
      <div className="workspace-head">
        <ScreenHeading pageTitle={pageTitle}>{workspace.name}</ScreenHeading>
        <WorkspaceFacts workspace={workspace} />
        <nav aria-label={t('workspace.sections')} className="section-tabs">
          <ul className="section-tabs__list">
            {sections.map((name) => (
              <li key={name}>
                <Link
                  to={paths.workspace(workspace.id, name)}
                  className="section-tabs__link"
                  aria-current={name === section ? 'page' : undefined}
                >
                  {t(SECTION_LABELS[name])}
                </Link>
              </li>
            ))}
            <li>
              <Link to={paths.workshops(workspace.id)} className="section-tabs__link">
                {t('workshops.title')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      {section === 'documents' && (
        <section className="card workspace" aria-label={t('workspace.tab.documents')}>
          <WorkspaceDocumentsManager workspace={workspace} />
        </section>
      )}
      {section === 'people' && <PeoplePanel workspace={workspace} onAccessChanged={onChanged} />}
      {section === 'activity' &&
        (isOwner ? <ActivityPanel workspace={workspace} /> : <p className="card">{t('activity.ownersOnly')}</p>)}
      {section === 'trash' && <TrashPanel workspace={workspace} />}
      {section === 'settings' && <WorkspaceSettings workspace={workspace} />}
    </>
  );
}
