/** One workspace with its purpose, the caller's place in it, its documents and a new-document form. */
import type { Workspace } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { lowerFirst, permissionKey, purposeKey, roleKey } from '../i18n/labels';
import { Link, paths } from '../router';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { DocumentList } from './DocumentList';
import { CreateDocumentForm } from './CreateDocumentForm';
import { canEditContent } from '../../../shared/src/index';

export function WorkspaceFacts({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  return (
    <ul className="facts">
      <li>
        <span className={`badge badge--${workspace.purpose}`}>{t(purposeKey(workspace.purpose))}</span>
      </li>
      <li className="muted">
        {t('workspace.yourPlace', {
          role: lowerFirst(t(roleKey(workspace.role))),
          permission: t(permissionKey(workspace.permission)),
        })}
      </li>
    </ul>
  );
}

export function WorkspaceDocuments({ workspace, headingLevel }: { workspace: Workspace; headingLevel: 2 | 3 }) {
  const { t } = useI18n();
  const documents = useLoad(() => api.listDocuments(workspace.id), [workspace.id]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading className="section-title">{t('workspace.documents')}</Heading>
      {documents.status === 'loading' && <Loading />}
      {documents.status === 'failed' && <LoadFailure error={documents.error} onRetry={documents.reload} />}
      {documents.status === 'ready' && (
        <DocumentList documents={documents.data.documents} label={t('workspace.documentsOf', { name: workspace.name })} />
      )}
      {canEditContent(workspace.permission) && (
        <CreateDocumentForm workspaceId={workspace.id} workspaceName={workspace.name} />
      )}
    </>
  );
}

export function WorkspaceSummary({ workspace }: { workspace: Workspace }) {
  return (
    <article className="card workspace" aria-labelledby={`ws-${workspace.id}`}>
      <h2 id={`ws-${workspace.id}`} className="workspace__name">
        <Link to={paths.workspace(workspace.id)}>{workspace.name}</Link>
      </h2>
      <WorkspaceFacts workspace={workspace} />
      <WorkspaceDocuments workspace={workspace} headingLevel={3} />
    </article>
  );
}
