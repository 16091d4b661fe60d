/**
 * "Who consulted this document" (owners and the person receiving care, docs/privacy.md): every
 * opening, newest first. The server records each channel separately (opening the page and its
 * live connection are two entries), so openings by one person within two minutes are grouped.
 */
import type { AccessChannel, AccessLogEntry } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import { roleKey } from '../i18n/labels';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { formatDate } from '../workspace/DocumentList';
import { FormDialog } from './FormDialog';
import { lifeApi } from './lifeApi';
import type { LifeDocument } from './documentActions';

const GROUP_MS = 2 * 60 * 1000;

const CHANNEL_LABELS: Record<AccessChannel, MessageKey> = {
  live: 'life.log.opened',
  details: 'life.log.opened',
  export: 'life.log.export',
  version: 'life.log.version',
};

interface Opening {
  entry: AccessLogEntry;
  channels: Set<MessageKey>;
}

/** Entries come newest first; a group starts at its newest entry. */
export function groupOpenings(entries: AccessLogEntry[]): Opening[] {
  const groups: Opening[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.entry.userId === entry.userId && Date.parse(last.entry.at) - Date.parse(entry.at) <= GROUP_MS) {
      last.channels.add(CHANNEL_LABELS[entry.via]);
    } else {
      groups.push({ entry, channels: new Set([CHANNEL_LABELS[entry.via]]) });
    }
  }
  return groups;
}

interface AccessLogDialogProps {
  document: LifeDocument;
  onClose: () => void;
  fallbackFocus?: () => void;
}

export function AccessLogDialog({ document: doc, onClose, fallbackFocus }: AccessLogDialogProps) {
  const { t, language } = useI18n();
  const log = useLoad(() => lifeApi.accessLog(doc.id), [doc.id]);
  const openings = log.status === 'ready' ? groupOpenings(log.data.entries) : [];
  return (
    <FormDialog
      title={t('life.log.title', { title: doc.title })}
      intro={<p>{t('life.log.intro')}</p>}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      wide
    >
      {log.status === 'loading' && <Loading />}
      {log.status === 'failed' && <LoadFailure error={log.error} />}
      {log.status === 'ready' && openings.length === 0 && <p className="muted">{t('life.log.empty')}</p>}
      {openings.length > 0 && (
        <div className="access-log">
          <table className="access-log__table">
            <caption className="visually-hidden">{t('life.log.caption', { title: doc.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('life.log.when')}</th>
                <th scope="col">{t('life.log.who')}</th>
                <th scope="col">{t('life.log.role')}</th>
                <th scope="col">{t('life.log.what')}</th>
              </tr>
            </thead>
            <tbody>
              {openings.map(({ entry, channels }) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDate(entry.at, language)}</time>
                  </td>
                  <td>{entry.displayName}</td>
                  <td>{t(roleKey(entry.role))}</td>
                  <td>{[...channels].map((key) => t(key)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </FormDialog>
  );
}
