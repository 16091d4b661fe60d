/** One idea as a card: its text, whether it is still private, and its author only once revealed. */
import type { ReactNode } from 'react';
import type { CardView } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';

export function IdeaCard({ card, children }: { card: CardView; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <article className={`idea${card.revealed ? '' : ' idea--private'}`} aria-label={t('workshop.idea.label')}>
      <p className="idea__text">{card.text}</p>
      {!card.revealed && <p className="idea__tag">{t('workshop.idea.private')}</p>}
      {card.revealed && card.mine && !card.author && <p className="idea__tag">{t('workshop.idea.yours')}</p>}
      {card.author && <p className="idea__author">{t('workshop.idea.by', { name: card.author.displayName })}</p>}
      {children}
    </article>
  );
}
