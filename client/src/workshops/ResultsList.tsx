/**
 * Vote results, each idea with its total and its split by knowledge perspective, side by side
 * rather than averaged away: a bar per perspective in its own hue and icon, and the numbers in words.
 */
import { useId } from 'react';
import { PERSPECTIVES, type WorkshopState } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import { perspectiveKey } from '../i18n/labels';
import { PerspectiveIcon } from '../people/PerspectiveBadge';

export function ResultsList({ state, large = false }: { state: WorkshopState; large?: boolean }) {
  const { t } = useI18n();
  const plural = usePlural();
  const results = state.results ?? [];
  if (results.length === 0) return <p className="empty">{t('workshop.results.none')}</p>;
  const max = Math.max(...results.map((r) => r.total));
  const textOf = new Map(state.cards.map((c) => [c.id, c.text]));
  return (
    <ol className={`results${large ? ' results--large' : ''}`} aria-label={t('workshop.results.label')}>
      {results.map((r) => (
        <li key={r.cardId} className="results__item">
          <p className="results__idea">
            <span>{textOf.get(r.cardId)}</span> <strong className="results__total">{plural('workshop.results.votes', r.total)}</strong>
          </p>
          <div className="results__bar" aria-hidden="true">
            {PERSPECTIVES.filter((p) => r.byPerspective[p] > 0).map((p) => (
              <span key={p} className={`results__segment perspective--${p}`} style={{ width: `${(100 * r.byPerspective[p]) / max}%` }}>
                <PerspectiveIcon perspective={p} />
              </span>
            ))}
          </div>
          <p className="results__split">
            {PERSPECTIVES.map((p) => `${t(perspectiveKey(p))}${t('workshop.results.colon')}${r.byPerspective[p]}`).join(' · ')}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function ResultsPanel({ state }: { state: WorkshopState }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="results-panel" aria-labelledby={id}>
      <h3 id={id}>{t('workshop.results.title')}</h3>
      {state.results ? <ResultsList state={state} /> : <p className="empty">{t('workshop.results.hidden')}</p>}
    </section>
  );
}

/** Decisions the group took; `titled` gives it its own heading (the facilitator's section has one). */
export function OutcomesList({ state, titled = true }: { state: WorkshopState; titled?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const list =
    state.outcomes.length === 0 ? (
      <p className="empty">{t('workshop.outcomes.none')}</p>
    ) : (
      <ul className="outcomes">
        {state.outcomes.map((o) => (
          <li key={o.id}>{o.text}</li>
        ))}
      </ul>
    );
  if (!titled) return list;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('workshop.outcomes.title')}</h3>
      {list}
    </section>
  );
}
