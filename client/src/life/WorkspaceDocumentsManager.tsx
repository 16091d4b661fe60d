/**
 * The workspace's "Documents" part: each document with its badges (archived, restricted) and an
 * "Options" menu (rename, archive, who can open it, who consulted it, move, trash), archived
 * documents under "Show archived documents", and the new-document form.
 */
import { useRef, useState } from 'react';
import { canEditContent, type DocumentSummary, type Workspace } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { FormAlert } from '../ui/FormAlert';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { CreateDocumentForm } from '../workspace/CreateDocumentForm';
import { formatDate } from '../workspace/DocumentList';
import { ActionMenu } from './ActionMenu';
import { StatusBadges } from './StatusBadges';
import { changeMessage } from './changeMessage';
import { useDocumentActions, type LifeChange, type Standing } from './documentActions';
import { lifeApi } from './lifeApi';
import { useFocusAfterReload } from './useFocusAfterReload';

export function WorkspaceDocumentsManager({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [note, setNote] = useState<{ text: string; toTrash: boolean } | null>(null);
  // One list: archived documents come with it only when asked for, each flagged by the server.
  const lists = useLoad(() => lifeApi.listDocuments(workspace.id, showArchived), [workspace.id, showArchived]);
  const all = lists.status === 'ready' ? lists.data.documents : [];
  const active = all.filter((d) => !d.archived);
  const archived = all.filter((d) => d.archived);
  const standing: Standing = { permission: workspace.permission, role: workspace.role };
  const isOwner = workspace.permission === 'owner';
  const focusHeadingAfterReload = useFocusAfterReload(heading, lists.status === 'ready' ? lists.data : null);

  const changed = (doc: DocumentSummary, change: LifeChange) => {
    setNote({ text: changeMessage(change, doc.title, t), toTrash: change.kind === 'trashed' && isOwner });
    lists.reload();
    // The row leaves its list: focus goes to the heading.
    if (change.kind !== 'renamed' && change.kind !== 'access') focusHeadingAfterReload();
  };
  const rows = (documents: DocumentSummary[], areArchived: boolean, label: string) => (
    <ul className="document-list" aria-label={label}>
      {documents.map((doc) => (
        <DocumentRow
          key={doc.id}
          doc={doc}
          archived={areArchived}
          restricted={doc.restricted}
          standing={standing}
          onChanged={(change) => changed(doc, change)}
          fallbackFocus={() => heading.current?.focus()}
        />
      ))}
    </ul>
  );

  return (
    <>
      <h2 ref={heading} tabIndex={-1} className="section-title">
        {t('workspace.documents')}
      </h2>
      <div role="status" className={note ? 'note note--success' : 'note--empty'}>
        {note && (
          <p>
            {note.text} {note.toTrash && <Link to={paths.workspace(workspace.id, 'trash')}>{t('life.done.openTrash')}</Link>}
          </p>
        )}
      </div>
      {lists.status === 'loading' && <Loading />}
      {lists.status === 'failed' && <LoadFailure error={lists.error} onRetry={lists.reload} />}
      {lists.status === 'ready' &&
        (active.length === 0 ? <p className="muted">{t('workspace.noDocuments')}</p> : rows(active, false, t('workspace.documentsOf', { name: workspace.name })))}
      <div className="archived-toggle">
        <input id={`show-archived-${workspace.id}`} type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
        <label htmlFor={`show-archived-${workspace.id}`}>{t('life.archived.show')}</label>
      </div>
      {showArchived && lists.status === 'ready' && (
        <section className="archived-documents" aria-labelledby={`archived-title-${workspace.id}`}>
          <h3 id={`archived-title-${workspace.id}`} className="section-title">
            {t('life.archived.title')}
          </h3>
          <p className="muted">{t('life.archived.intro')}</p>
          {archived.length === 0 ? <p className="muted">{t('life.archived.none')}</p> : rows(archived, true, t('life.archived.listLabel', { name: workspace.name }))}
        </section>
      )}
      {canEditContent(workspace.permission) && <CreateDocumentForm workspaceId={workspace.id} workspaceName={workspace.name} />}
    </>
  );
}

interface DocumentRowProps {
  doc: DocumentSummary;
  archived: boolean;
  restricted: boolean;
  standing: Standing;
  onChanged: (change: LifeChange) => void;
  fallbackFocus: () => void;
}

function DocumentRow({ doc, archived, restricted, standing, onChanged, fallbackFocus }: DocumentRowProps) {
  const { t, language } = useI18n();
  const { actions, dialog, alert } = useDocumentActions({ document: doc, archived, standing, onChanged, fallbackFocus });
  return (
    <li className="document-list__item life-row">
      <span className="life-row__title">
        <Link to={paths.document(doc.id)} className="document-list__link">
          {doc.title}
        </Link>
        <StatusBadges archived={archived} restricted={restricted} />
      </span>
      <span className="life-row__end">
        <span className="document-list__meta">{t('workspace.updated', { date: formatDate(doc.updatedAt, language) })}</span>
        {actions.length > 0 && (
          <ActionMenu
            label={t('life.menu.options')}
            accessibleName={t('life.menu.optionsFor', { title: doc.title })}
            listLabel={t('life.menu.optionsList', { title: doc.title })}
            actions={actions}
          />
        )}
      </span>
      {alert && <FormAlert message={alert} />}
      {dialog}
    </li>
  );
}
