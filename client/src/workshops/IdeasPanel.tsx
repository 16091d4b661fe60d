/**
 * The ideas step: one column per prompt, a form to add an idea, the person's own ideas (private
 * until a facilitator shows everyone's) and the ideas already shared with the group.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { WORKSHOP_LIMITS } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import { StatusNote } from '../ui/FormAlert';
import { IdeaCard } from './IdeaCard';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

export function IdeasPanel({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  const plural = usePlural();
  return (
    <div className="ideas">
      {state.hiddenCards > 0 && <p className="note">{plural('workshop.ideas.hidden', state.hiddenCards)}</p>}
      {state.columns.map((column) => {
        const cards = state.cards.filter((c) => c.columnId === column.id);
        const mine = cards.filter((c) => !c.revealed);
        const shared = cards.filter((c) => c.revealed);
        return (
          <section key={column.id} className="ideas__column" aria-label={column.prompt}>
            <h3 className="ideas__prompt">{column.prompt}</h3>
            {state.you.canParticipate && <IdeaForm workshopId={state.id} columnId={column.id} prompt={column.prompt} run={run} busy={busy} />}
            {mine.length > 0 && (
              <>
                <h4>{t('workshop.ideas.mine')}</h4>
                <ul className="card-list">
                  {mine.map((card) => (
                    <li key={card.id}>
                      <IdeaCard card={card} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h4>{t('workshop.ideas.shared')}</h4>
            {shared.length === 0 ? (
              <p className="empty">{t('workshop.ideas.noneShared')}</p>
            ) : (
              <ul className="card-list">
                {shared.map((card) => (
                  <li key={card.id}>
                    <IdeaCard card={card} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function IdeaForm({ workshopId, columnId, prompt, run, busy }: { workshopId: string; columnId: string; prompt: string; run: PanelProps['run']; busy: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return field.current?.focus();
    setSaved(null);
    if (await run(() => workshopApi.postCard(workshopId, columnId, text.trim()))) {
      setText('');
      setSaved(t('workshop.ideas.saved'));
      field.current?.focus();
    }
  };
  return (
    <form className="form idea-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('workshop.ideas.yourIdea')}
          <span className="visually-hidden"> — {prompt}</span>
        </label>
        <textarea
          ref={field}
          id={id}
          className="field__control idea-form__text"
          rows={3}
          maxLength={WORKSHOP_LIMITS.cardText}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary button--big" disabled={busy}>
        {t('workshop.ideas.add')}
      </button>
      <StatusNote message={saved} />
    </form>
  );
}
