/** Home: my workspaces with their documents, and a form to start a new workspace. */
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';
import { WorkspaceSummary } from './WorkspaceSummary';
import { ExampleWorkspaceCard } from '../life/ExampleWorkspaceCard';
import { NotificationsSection } from '../comments/NotificationsSection';
import { ImportWorkspaceCard } from '../archive/ImportWorkspaceCard';

export function HomeScreen() {
  const { t } = useI18n();
  const workspaces = useLoad(() => api.listWorkspaces(), []);

  return (
    <Page>
      <ScreenHeading pageTitle={t('home.pageTitle')}>{t('home.title')}</ScreenHeading>
      <p className="lead">{t('home.intro')}</p>
      {workspaces.status === 'ready' && workspaces.data.workspaces.length > 0 && <NotificationsSection />}
      <div className="home">
        <section className="home__workspaces" aria-label={t('home.listLabel')}>
          {workspaces.status === 'loading' && <Loading />}
          {workspaces.status === 'failed' && <LoadFailure error={workspaces.error} onRetry={workspaces.reload} />}
          {workspaces.status === 'ready' &&
            (workspaces.data.workspaces.length === 0 ? (
              <>
                <p className="card empty">{t('home.empty')}</p>
                <ExampleWorkspaceCard />
              </>
            ) : (
              workspaces.data.workspaces.map((workspace) => <WorkspaceSummary key={workspace.id} workspace={workspace} />)
            ))}
        </section>
        <div className="home__aside">
          <CreateWorkspaceForm onCreated={workspaces.reload} />
          <ImportWorkspaceCard onImported={workspaces.reload} />
        </div>
      </div>
    </Page>
  );
}
