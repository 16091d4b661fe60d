/** A workspace's workshops: open ones first, each a link to take part; facilitators set up new ones. */
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { useLoad } from '../ui/useLoad';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { workshopApi } from './workshopApi';

export function WorkshopsScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const load = useLoad(() => Promise.all([api.getWorkspace(workspaceId), workshopApi.list(workspaceId)]), [workspaceId]);
  if (load.status !== 'ready') {
    return <Page>{load.status === 'loading' ? <Loading /> : <LoadFailure error={load.error} onRetry={load.reload} />}</Page>;
  }
  const [workspace, { workshops, canCreate }] = load.data;
  const sorted = [...workshops].sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));
  return (
    <Page>
      <p className="breadcrumb">
        <Link to={paths.workspace(workspaceId)}>{workspace.name}</Link>
      </p>
      <ScreenHeading pageTitle={`${t('workshops.title')} — ${workspace.name}`}>{t('workshops.title')}</ScreenHeading>
      <p className="lead">{t('workshops.lead')}</p>
      <section className="card" aria-labelledby="workshops-list">
        <h2 id="workshops-list">{t('workshops.list')}</h2>
        {sorted.length === 0 ? (
          <p className="empty">{t('workshops.none')}</p>
        ) : (
          <ul className="workshop-list">
            {sorted.map((w) => (
              <li key={w.id} className="workshop-list__item">
                <Link to={paths.workshop(workspaceId, w.id, w.facilitating && w.status === 'open' ? 'facilitate' : 'participant')} className="workshop-list__link">
                  {w.title}
                </Link>
                <span className={`status-pill status-pill--${w.status}`}>{t(w.status === 'open' ? 'workshops.status.open' : 'workshops.status.closed')}</span>
                {w.facilitating && <span className="muted">{t('workshops.youFacilitate')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canCreate ? (
        <section className="card" aria-labelledby="workshops-create">
          <h2 id="workshops-create">{t('workshops.create')}</h2>
          <CreateWorkshopForm workspaceId={workspaceId} />
        </section>
      ) : (
        <p className="muted">{t('workshops.onlyFacilitators')}</p>
      )}
    </Page>
  );
}
