/**
 * The side panel: a heading, a close button and tabs (Decisions, History, Contributions; room
 * for Comments). As a sheet it takes focus when it opens and closes with Escape. It is a named
 * region inside <main> (axe wants complementary landmarks at the top level).
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { DecisionAnchor } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import { ContributionsTab } from './contributions/ContributionsTab';
import { DecisionsTab } from './decisions/DecisionsTab';
import { HistoryTab } from './history/HistoryTab';
import { CommentsTab } from '../comments/CommentsTab';
import { ReviewsTab } from '../comments/ReviewsTab';
import { SuggestionsTab } from '../editor/suggestions/SuggestionsTab';
import { Tabs } from './Tabs';

export const PANEL_TABS = ['decisions', 'comments', 'suggestions', 'reviews', 'history', 'contributions'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

const TAB_LABELS: Record<PanelTab, MessageKey> = {
  decisions: 'panel.tab.decisions',
  comments: 'comments.tab',
  suggestions: 'suggestions.tab',
  reviews: 'reviews.tab',
  history: 'panel.tab.history',
  contributions: 'panel.tab.contributions',
};

interface SidePanelProps {
  id: string;
  mode: 'beside' | 'sheet';
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  onClose: () => void;
  proposal: { anchor: DecisionAnchor | null } | null;
  onProposalDone: () => void;
  onPropose: (anchor: DecisionAnchor | null) => void;
}

export function SidePanel({ id, mode, tab, onTab, onClose, proposal, onProposalDone, onPropose }: SidePanelProps) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (mode === 'sheet') heading.current?.focus();
  }, [mode]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (mode === 'sheet' && event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <section id={id} className={`side-panel side-panel--${mode}`} aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="side-panel__head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="side-panel__title">
          {t('panel.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('panel.close')}
        </button>
      </div>
      <Tabs label={t('panel.tabsLabel')} tabs={PANEL_TABS.map((item) => ({ id: item, label: t(TAB_LABELS[item]) }))} selected={tab} onSelect={onTab}>
        {tab === 'decisions' && <DecisionsTab proposal={proposal} onProposalDone={onProposalDone} onPropose={onPropose} />}
        {tab === 'comments' && <CommentsTab />}
        {tab === 'suggestions' && <SuggestionsTab />}
        {tab === 'reviews' && <ReviewsTab />}
        {tab === 'history' && <HistoryTab />}
        {tab === 'contributions' && <ContributionsTab />}
      </Tabs>
    </section>
  );
}
