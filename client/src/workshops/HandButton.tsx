/** Raise a hand to speak: one big toggle, and where the person stands in the speaking queue. */
import type { WorkshopState } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

export function HandButton({ state, run, busy }: { state: WorkshopState; run: PanelProps['run']; busy: boolean }) {
  const { t } = useI18n();
  const plural = usePlural();
  const position = state.queue.findIndex((entry) => entry.mine) + 1;
  const raised = state.you.handRaised;
  return (
    <section className="hand" aria-labelledby="hand-title">
      <h2 id="hand-title" className="visually-hidden">
        {t('workshop.hand.title')}
      </h2>
      <button type="button" className={`button button--big hand__button${raised ? ' hand__button--raised' : ''}`} disabled={busy} onClick={() => run(() => workshopApi.setHand(state.id, !raised))}>
        {t(raised ? 'workshop.hand.lower' : 'workshop.hand.raise')}
      </button>
      <p className="hand__status" aria-live="polite">
        {raised && position > 0
          ? t('workshop.hand.position', { position })
          : state.queue.length === 0
            ? t('workshop.hand.nobody')
            : plural('workshop.hand.waiting', state.queue.length)}
      </p>
    </section>
  );
}
