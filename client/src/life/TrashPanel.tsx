/**
 * The workspace's Trash (owners): documents moved to the trash, with when each will be deleted
 * for good (30 days after), "Restore", and "Delete for good" (the title typed to confirm).
 */
import { useRef, useState } from 'react';
import type { Workspace } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { StatusNote } from '../ui/FormAlert';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { formatDate } from '../workspace/DocumentList';
import { lifeApi } from './lifeApi';
import { PurgeDialog } from './PurgeDialog';
import { useFocusAfterReload } from './useFocusAfterReload';
import './life.css';

interface TrashedDocument {
  id: string;
  title: string;
  trashedAt: string;
  purgeAfter: string;
}

export function TrashPanel({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  if (workspace.permission !== 'owner') return <p className="card">{t('life.trash.ownersOnly')}</p>;
  return <OwnersTrash workspace={workspace} />;
}

function OwnersTrash({ workspace }: { workspace: Workspace }) {
  const { t, language } = useI18n();
  const trash = useLoad(() => lifeApi.listTrash(workspace.id), [workspace.id]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [purging, setPurging] = useState<TrashedDocument | null>(null);
  const focusHeadingAfterReload = useFocusAfterReload(heading, trash.status === 'ready' ? trash.data : null);

  const restore = async (doc: TrashedDocument) => {
    setFailure(null);
    try {
      await lifeApi.restoreDocument(doc.id);
      setDone(t('life.trash.restored', { title: doc.title }));
      heading.current?.focus();
      trash.reload();
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  return (
    <section className="card trash" aria-labelledby="trash-title">
      <h2 id="trash-title" ref={heading} tabIndex={-1}>
        {t('life.trash.title')}
      </h2>
      <p className="muted">{t('life.trash.intro')}</p>
      <StatusNote message={done} />
      {failure && (
        <p role="alert" className="alert alert--error">
          {failure}
        </p>
      )}
      {trash.status === 'loading' && <Loading />}
      {trash.status === 'failed' && <LoadFailure error={trash.error} onRetry={trash.reload} />}
      {trash.status === 'ready' && trash.data.documents.length === 0 && <p className="muted">{t('life.trash.empty')}</p>}
      {trash.status === 'ready' && trash.data.documents.length > 0 && (
        <ul className="trash-list" aria-label={t('life.trash.listLabel', { name: workspace.name })}>
          {trash.data.documents.map((doc) => (
            <li key={doc.id} className="trash-list__item">
              <div>
                <h3 className="trash-list__title">{doc.title}</h3>
                <p className="trash-list__dates">
                  {t('life.trash.trashedOn', { date: formatDate(doc.trashedAt, language) })}{' '}
                  <strong>{t('life.trash.purgeOn', { date: formatDate(doc.purgeAfter, language) })}</strong>
                </p>
              </div>
              <div className="trash-list__actions">
                <button type="button" className="button" onClick={() => void restore(doc)}>
                  {t('life.trash.restore')}
                  <span className="visually-hidden"> {doc.title}</span>
                </button>
                <button type="button" className="button button--danger-quiet" onClick={() => setPurging(doc)}>
                  {t('life.trash.purge')}
                  <span className="visually-hidden"> {doc.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {purging && (
        <PurgeDialog
          document={purging}
          onClose={() => setPurging(null)}
          fallbackFocus={() => heading.current?.focus()}
          onDone={() => {
            setDone(t('life.trash.purged', { title: purging.title }));
            setPurging(null);
            trash.reload();
            focusHeadingAfterReload();
          }}
        />
      )}
    </section>
  );
}
