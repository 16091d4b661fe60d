/**
 * A decision's full history, oldest first: every entry as written (nothing is ever edited),
 * with the corrections that point at it. Authors (and owners) can add a correction.
 */
import { useState } from 'react';
import type { DecisionEntry, DecisionSummary } from '../../../../shared/src/index';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { roleKey } from '../../i18n/labels';
import { usePanelScope } from '../panelScope';
import { CorrectionForm } from './CorrectionForm';
import { formatDateTime, stanceKey, statusKey } from './decisionLabels';

interface DecisionHistoryProps {
  decision: DecisionSummary;
  entries: DecisionEntry[];
  onChanged: () => void;
}

function entrySentence(entry: DecisionEntry, seqOf: (id: string) => number | string, t: Translate): string {
  const name = entry.author.displayName;
  switch (entry.kind) {
    case 'created':
      return t('decisions.entry.created', { name });
    case 'position':
      return t('decisions.entry.position', { name, stance: t(stanceKey(entry.payload.stance)) });
    case 'outcome':
      return t('decisions.entry.outcome', { name, status: t(statusKey(entry.payload.status)) });
    case 'correction':
      return t('decisions.entry.correction', { name, seq: seqOf(entry.payload.corrects) });
    default:
      return t('decisions.entry.unreadable');
  }
}

function entryDetail(entry: DecisionEntry): string | null {
  if (entry.kind === 'position') return entry.payload.reason;
  if (entry.kind === 'outcome') return entry.payload.outcome;
  if (entry.kind === 'correction') return entry.payload.text;
  return null;
}

export function DecisionHistory({ decision, entries, onChanged }: DecisionHistoryProps) {
  const { t, language } = useI18n();
  const { selfId, permission } = usePanelScope();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const seqOf = (id: string) => entries.find((entry) => entry.id === id)?.seq ?? '?';

  return (
    <details className="decision__history">
      <summary>{t('decisions.history', { count: entries.length })}</summary>
      <ol className="entry-list">
        {entries.map((entry) => {
          const detail = entryDetail(entry);
          const mayCorrect = entry.kind !== 'unreadable' && (entry.author.userId === selfId || permission === 'owner');
          return (
            <li key={entry.id} className={`entry entry--${entry.kind}`}>
              <p className="entry__line">
                <span className="entry__seq">#{entry.seq}</span> {entrySentence(entry, seqOf, t)}{' '}
                <span className="muted">
                  {entry.author.role && `(${t(roleKey(entry.author.role))}) `}
                  {formatDateTime(entry.createdAt, language)}
                </span>
              </p>
              {detail && <p className="entry__detail">{detail}</p>}
              {entry.correctedBy.length > 0 && (
                <p className="entry__corrected">{t('decisions.correctedBy', { seqs: entry.correctedBy.map((id) => `#${seqOf(id)}`).join(', ') })}</p>
              )}
              {mayCorrect && correcting !== entry.id && (
                <button type="button" className="link-button" onClick={() => setCorrecting(entry.id)}>
                  {t('decisions.correct', { seq: entry.seq })}
                </button>
              )}
              {correcting === entry.id && (
                <CorrectionForm
                  decisionId={decision.id}
                  entry={entry}
                  onDone={(saved) => {
                    setCorrecting(null);
                    if (saved) onChanged();
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
