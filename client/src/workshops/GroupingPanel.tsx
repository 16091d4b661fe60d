/**
 * Grouping revealed ideas into named themes. Cards can be dragged onto a theme; the keyboard
 * (and touch) way is the "Move to theme" list on each card, which does exactly the same.
 */
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { WORKSHOP_LIMITS, type CardView } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import { IdeaCard } from './IdeaCard';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

export function GroupingPanel({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  const plural = usePlural();
  const [dragged, setDragged] = useState<string | null>(null);
  const canGroup = state.you.canGroup;
  const cards = state.cards.filter((c) => c.revealed);
  const move = (cardId: string, themeId: string | null) => run(() => workshopApi.moveCard(state.id, cardId, themeId));
  const groups = [
    ...state.themes.map((theme) => ({ id: theme.id as string | null, name: theme.name, cards: cards.filter((c) => c.themeId === theme.id) })),
    { id: null, name: t('workshop.grouping.ungrouped'), cards: cards.filter((c) => c.themeId === null) },
  ];
  const drop = (themeId: string | null) => (event: DragEvent) => {
    event.preventDefault();
    if (dragged) void move(dragged, themeId);
    setDragged(null);
  };
  return (
    <div className="grouping">
      {!canGroup && <p className="muted">{t('workshop.grouping.facilitatorsOnly')}</p>}
      {groups.map((group) => (
        <section
          key={group.id ?? 'none'}
          className={`theme${group.id ? '' : ' theme--none'}`}
          aria-label={group.name}
          onDragOver={canGroup ? (event) => event.preventDefault() : undefined}
          onDrop={canGroup ? drop(group.id) : undefined}
        >
          <h3 className="theme__name">
            {group.name} <span className="muted">({plural('workshop.grouping.count', group.cards.length)})</span>
          </h3>
          <ul className="card-list">
            {group.cards.map((card) => (
              <li key={card.id} draggable={canGroup} onDragStart={() => setDragged(card.id)} onDragEnd={() => setDragged(null)}>
                <IdeaCard card={card}>{canGroup && <MoveSelect card={card} themes={state.themes} busy={busy} onMove={move} />}</IdeaCard>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {canGroup && <NewThemeForm workshopId={state.id} run={run} busy={busy} />}
    </div>
  );
}

function MoveSelect({ card, themes, busy, onMove }: { card: CardView; themes: Array<{ id: string; name: string }>; busy: boolean; onMove: (cardId: string, themeId: string | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="move-select">
      <label htmlFor={id} className="move-select__label">
        {t('workshop.grouping.moveTo')}
        <span className="visually-hidden"> — {card.text}</span>
      </label>
      <select id={id} className="field__control" value={card.themeId ?? ''} disabled={busy} onChange={(e) => onMove(card.id, e.target.value || null)}>
        <option value="">{t('workshop.grouping.noTheme')}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function NewThemeForm({ workshopId, run, busy }: { workshopId: string; run: PanelProps['run']; busy: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && (await run(() => workshopApi.addTheme(workshopId, name.trim())))) setName('');
  };
  return (
    <form className="form form--inline theme-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('workshop.grouping.newTheme')}
        </label>
        <input id={id} className="field__control" maxLength={WORKSHOP_LIMITS.themeName} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('workshop.grouping.addTheme')}
      </button>
    </form>
  );
}
