/** One workspace: its documents. (People, decisions and workshops come later.) */
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { WorkspaceDocuments, WorkspaceFacts } from './WorkspaceSummary';

export function WorkspaceScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  // There is no single-workspace route yet, so the list is the source.
  const workspaces = useLoad(() => api.listWorkspaces(), [workspaceId]);
  const workspace =
    workspaces.status === 'ready' ? workspaces.data.workspaces.find((w) => w.id === workspaceId) : undefined;

  return (
    <Page>
      {workspaces.status === 'loading' && <Loading />}
      {workspaces.status === 'failed' && <LoadFailure error={workspaces.error} onRetry={workspaces.reload} />}
      {workspaces.status === 'ready' && !workspace && (
        <>
          <ScreenHeading pageTitle={t('notFound.pageTitle')}>{t('notFound.title')}</ScreenHeading>
          <p>{t('workspace.notFound')}</p>
          <p>
            <Link to={paths.home()}>{t('common.backHome')}</Link>
          </p>
        </>
      )}
      {workspace && (
        <section className="card workspace">
          <ScreenHeading pageTitle={workspace.name}>{workspace.name}</ScreenHeading>
          <WorkspaceFacts workspace={workspace} />
          <WorkspaceDocuments workspace={workspace} headingLevel={2} />
        </section>
      )}
    </Page>
  );
}
