/**
 * Check-in and check-out: a mood and, if the person likes, one word. The group sees the moods
 * and words together, never who said what.
 */
import { useState, type FormEvent } from 'react';
import { MOODS, WORKSHOP_LIMITS, type CheckinPhase, type CheckinSummary, type Mood } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import { TextField } from '../ui/Field';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

// Drawn rather than emoji: emoji fonts are missing on some shared computers and render as boxes.
const MOUTHS: Record<Mood, string> = {
  great: 'M7 13.5Q12 19 17 13.5',
  good: 'M8 14.5Q12 17 16 14.5',
  okay: 'M8 15.5H16',
  low: 'M8 16.5Q12 14 16 16.5',
  tough: 'M7 17.5Q12 12 17 17.5',
};

export function MoodFace({ mood }: { mood: Mood }) {
  return (
    <svg className="mood__face" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <circle cx="8.5" cy="9.5" r="1.2" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.2" fill="currentColor" />
      <path d={MOUTHS[mood]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function CheckinPanel({ state, run, busy, phase }: PanelProps & { phase: CheckinPhase }) {
  const { t } = useI18n();
  const mine = state.you.checkin[phase];
  const [mood, setMood] = useState<Mood | null>(mine?.mood ?? null);
  const [word, setWord] = useState(mine?.word ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!mood && !word.trim()) return;
    await run(() => workshopApi.checkin(state.id, { phase, ...(mood ? { mood } : {}), ...(word.trim() ? { word: word.trim() } : {}) }));
  };
  return (
    <div className="checkin">
      {state.you.canParticipate && (
        <form className="form" onSubmit={submit} noValidate>
          <fieldset className="choice-group">
            <legend className="choice-group__legend">{t(phase === 'in' ? 'workshop.checkin.in' : 'workshop.checkin.out')}</legend>
            <div className="mood-list">
              {MOODS.map((m) => (
                <label key={m} className="mood">
                  <input type="radio" name={`mood-${phase}`} value={m} checked={mood === m} onChange={() => setMood(m)} />
                  <MoodFace mood={m} />
                  {t(`workshop.mood.${m}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField label={t('workshop.checkin.word')} hint={t('workshop.checkin.wordHint')} maxLength={WORKSHOP_LIMITS.checkinWord} value={word} onChange={(e) => setWord(e.target.value)} />
          <button type="submit" className="button button--primary button--big" disabled={busy || (!mood && !word.trim())}>
            {mine ? t('workshop.checkin.update') : t('workshop.checkin.share')}
          </button>
          {mine && <p className="muted">{t('workshop.checkin.shared')}</p>}
        </form>
      )}
      <CheckinSummaryView summary={state.checkins[phase]} />
    </div>
  );
}

export function CheckinSummaryView({ summary, large = false }: { summary: CheckinSummary; large?: boolean }) {
  const { t } = useI18n();
  const plural = usePlural();
  const max = Math.max(1, ...summary.words.map((w) => w.count));
  return (
    <div className={`checkin-summary${large ? ' checkin-summary--large' : ''}`}>
      <p>{plural('workshop.checkin.people', summary.people)}</p>
      {summary.people > 0 && (
        <ul className="mood-counts" aria-label={t('workshop.checkin.moods')}>
          {MOODS.filter((m) => summary.moods[m] > 0).map((m) => (
            <li key={m}>
              <MoodFace mood={m} />
              {t('workshop.checkin.moodCount', { mood: t(`workshop.mood.${m}`), count: summary.moods[m] })}
            </li>
          ))}
        </ul>
      )}
      {summary.words.length > 0 && (
        <ul className="word-cloud" aria-label={t('workshop.checkin.words')}>
          {summary.words.map((w) => (
            <li key={w.word} style={{ fontSize: `${1 + (w.count / max) * (large ? 1.5 : 0.75)}em` }}>
              {w.word}
              {w.count > 1 && <span className="word-cloud__count"> ×{w.count}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
