/** The documents of one workspace, each a link to the document screen. */
import type { DocumentSummary } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function DocumentList({ documents, label }: { documents: DocumentSummary[]; label: string }) {
  const { t, language } = useI18n();
  if (documents.length === 0) return <p className="muted">{t('workspace.noDocuments')}</p>;
  return (
    <ul className="document-list" aria-label={label}>
      {documents.map((doc) => (
        <li key={doc.id} className="document-list__item">
          <Link to={paths.document(doc.id)} className="document-list__link">
            {doc.title}
          </Link>
          <span className="document-list__meta">{t('workspace.updated', { date: formatDate(doc.updatedAt, language) })}</span>
        </li>
      ))}
    </ul>
  );
}
