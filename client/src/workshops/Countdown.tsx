/**
 * The step's countdown, in digits and in words (never digits alone). The server sends the time
 * remaining when it answered; this counts down from the moment that answer arrived, so the two
 * clocks never need to agree. Screen readers hear it only at the last minute and at the end.
 */
import { useEffect, useState } from 'react';
import type { TimerView } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';

export function remainingNow(timer: TimerView, receivedAt: number): number {
  if (timer.state === 'running') return Math.max(0, (timer.remainingMs ?? 0) - (performance.now() - receivedAt));
  return timer.remainingMs ?? timer.durationMs;
}

export function Countdown({ timer, receivedAt, large = false }: { timer: TimerView; receivedAt: number; large?: boolean }) {
  const { t } = useI18n();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (timer.state !== 'running') return;
    const interval = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(interval);
  }, [timer.state, receivedAt]);

  const remaining = remainingNow(timer, receivedAt);
  const seconds = Math.ceil(remaining / 1000);
  const done = timer.state === 'done' || (timer.state === 'running' && seconds === 0);
  const digits = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const [minutes, rest] = [Math.floor(seconds / 60), seconds % 60];
  const amount =
    rest === 0 ? t('workshop.timer.amountMinutes', { minutes }) : minutes === 0 ? t('workshop.timer.amountSeconds', { seconds: rest }) : t('workshop.timer.amount', { minutes, seconds: rest });
  const words = done
    ? t('workshop.timer.done')
    : timer.state === 'running'
      ? t('workshop.timer.left', { amount })
      : timer.state === 'paused'
        ? t('workshop.timer.paused', { amount })
        : t('workshop.timer.idle', { amount });
  const announcement = done ? t('workshop.timer.done') : timer.state === 'running' && seconds <= 60 ? t('workshop.timer.lastMinute') : '';
  return (
    <div className={`countdown countdown--${done ? 'done' : timer.state}${large ? ' countdown--large' : ''}`} role="timer" aria-label={t('workshop.timer.label')}>
      <span className="countdown__digits" aria-hidden="true">
        {digits}
      </span>
      <span className="countdown__words">{words}</span>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
