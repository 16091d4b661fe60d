/**
 * The sessions of work, most recent first: when, who took part. Each offers the text as it was
 * just before the session (the state after the previous one; before the first, the empty
 * document): open it, compare it with now, or restore it.
 */
import type { HistoryResponse } from '../../../../shared/src/index';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../decisions/decisionLabels';
import { plural } from '../plural';
import { VersionActions } from './VersionActions';
import type { VersionView } from './VersionDialog';

/** "3 May 2026, 10:02 to 10:40", or both dates and times when the session spans midnight. */
function sessionWhen(startIso: string, endIso: string, language: string, t: Translate): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (start.toDateString() !== end.toDateString()) return t('history.sessionWhen', { start: formatDateTime(startIso, language), end: formatDateTime(endIso, language) });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
  return t('history.sessionWhenSameDay', { date: formatDate(startIso, language), start: time.format(start), end: time.format(end) });
}

interface SessionListProps {
  sessions: HistoryResponse['sessions'];
  onView: (view: VersionView) => void;
  onRestore: ((seq: number, which: string) => void) | undefined;
}

export function SessionList({ sessions, onView, onRestore }: SessionListProps) {
  const { t, language } = useI18n();
  if (sessions.length === 0) return <p className="muted">{t('history.noSessions')}</p>;
  return (
    <ol className="session-list" aria-label={t('history.sessionsList')}>
      {sessions.map((session) => {
        const start = formatDateTime(session.startedAt, language);
        const which = t('history.beforeSessionOf', { date: start });
        return (
          <li key={session.fromSeq} className="session">
            <p className="session__when">
              <strong>{sessionWhen(session.startedAt, session.endedAt, language, t)}</strong>
            </p>
            <p className="session__people">
              {t('history.sessionPeople', {
                people: session.people.map((p) => plural(t, language, 'history.personChanges', p.updates, { name: p.displayName || t('common.someone') })).join(', '),
              })}
            </p>
            <VersionActions
              intro={t('history.beforeSession')}
              which={which}
              onView={(mode) => onView({ seq: session.fromSeq - 1, mode, which })}
              onRestore={onRestore && (() => onRestore(session.fromSeq - 1, which))}
            />
          </li>
        );
      })}
    </ol>
  );
}
