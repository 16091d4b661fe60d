/** What a decision is about: method, engagement, who proposed it, the proposal, the passage, the information shared. */
import { useState } from 'react';
import type { DecisionSummary } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { PerspectiveBadge } from '../../people/PerspectiveBadge';
import { usePanelScope } from '../panelScope';
import { showPassage } from './anchors';
import { engagementKey, formatDateTime, methodExplainKey, methodKey } from './decisionLabels';

export function DecisionFacts({ decision }: { decision: DecisionSummary }) {
  const { t, language } = useI18n();
  const { editor } = usePanelScope();
  const [passageGone, setPassageGone] = useState(false);
  const info = decision.informationShared;
  const anchor = decision.anchor;

  return (
    <>
      <dl className="decision-facts">
        <dt>{t('decisions.method')}</dt>
        <dd>
          {t(methodKey(decision.method))}
          <span className="decision-facts__explain">{t(methodExplainKey(decision.method))}</span>
        </dd>
        <dt>{t('decisions.engagement')}</dt>
        <dd>{decision.engagement ? t(engagementKey(decision.engagement)) : t('decisions.engagement.none')}</dd>
        <dt>{t('decisions.proposedBy')}</dt>
        <dd>
          {decision.proposedBy.displayName}{' '}
          {decision.proposedBy.perspective && <PerspectiveBadge perspective={decision.proposedBy.perspective} />}{' '}
          <span className="muted">{formatDateTime(decision.proposedAt, language)}</span>
        </dd>
      </dl>
      <p className="decision__proposal">
        <strong>{t('decisions.proposal')}</strong> {decision.proposal}
      </p>
      {anchor && (
        <p className="decision__passage">
          <button
            type="button"
            className="link-button"
            disabled={!editor}
            onClick={() => setPassageGone(!(editor && showPassage(editor, anchor)))}
          >
            {anchor.quote ? t('decisions.passageQuote', { quote: anchor.quote }) : t('decisions.passage')}
          </button>
          {passageGone && <span className="field__error"> {t('decisions.passageGone')}</span>}
        </p>
      )}
      {info && (info.summary || info.options.length > 0) && (
        <details className="decision__info">
          <summary>{t('decisions.informationShared')}</summary>
          {info.summary && <p>{info.summary}</p>}
          {info.options.length > 0 && (
            <ul className="decision__options">
              {info.options.map((option, index) => (
                <li key={index}>
                  <strong>{option.title}</strong>
                  {option.benefits && <p>{t('decisions.optionBenefits', { text: option.benefits })}</p>}
                  {option.risks && <p>{t('decisions.optionRisks', { text: option.risks })}</p>}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </>
  );
}
