/**
 * The Decisions tab (issue 7): open decisions first, then closed ones, each with its positions
 * at a glance, a form to take a position and its full history; proposing a decision (about the
 * selected passage, if any); the chain's verification and the printable exports. Refetched on
 * every `decisions` notice, so everyone sees new positions and outcomes live.
 */
import { useId, useRef } from 'react';
import { canEditContent, type DecisionAnchor, type DecisionLog } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { panelsApi } from '../panelsApi';
import { useLiveLoad, usePanelScope } from '../panelScope';
import { anchorFromSelection } from './anchors';
import { ChainStatus } from './ChainStatus';
import { DecisionCard } from './DecisionCard';
import { ProposeForm } from './ProposeForm';

interface DecisionsTabProps {
  proposal: { anchor: DecisionAnchor | null } | null;
  onProposalDone: () => void;
  onPropose: (anchor: DecisionAnchor | null) => void;
}

export function DecisionsTab({ proposal, onProposalDone, onPropose }: DecisionsTabProps) {
  const { t } = useI18n();
  const { info, permission, editor } = usePanelScope();
  const log = useLiveLoad(() => panelsApi.decisionLog(info.id), ['decisions']);
  const headingId = useId();
  const proposeButton = useRef<HTMLButtonElement>(null);
  const mayPropose = canEditContent(permission) || permission === 'commenter';

  const finishProposal = () => {
    onProposalDone();
    requestAnimationFrame(() => proposeButton.current?.focus());
  };

  return (
    <section aria-labelledby={headingId} className="panel-section">
      <div className="panel-section__head">
        <h3 id={headingId}>{t('decisions.title')}</h3>
        {mayPropose && !proposal && (
          <button
            ref={proposeButton}
            type="button"
            className="button button--quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPropose(editor ? anchorFromSelection(editor) : null)}
          >
            {t('decisions.propose')}
          </button>
        )}
      </div>
      {proposal && (
        <ProposeForm
          anchor={proposal.anchor}
          onCancel={finishProposal}
          onProposed={() => {
            log.reload();
            finishProposal();
          }}
        />
      )}
      {log.status === 'loading' && <Loading />}
      {log.status === 'failed' && <LoadFailure error={log.error} onRetry={log.reload} />}
      {log.status === 'ready' && <DecisionList log={log.data} onChanged={log.reload} />}
    </section>
  );
}

function DecisionList({ log, onChanged }: { log: DecisionLog; onChanged: () => void }) {
  const { t } = useI18n();
  const { info } = usePanelScope();
  const open = log.decisions.filter((d) => d.status === 'open').reverse();
  const closed = log.decisions.filter((d) => d.status !== 'open').reverse();
  const entriesOf = (decisionId: string) => log.entries.filter((entry) => entry.decisionId === decisionId);

  return (
    <>
      <ChainStatus initial={log.verification} />
      {log.decisions.length === 0 && <p className="muted">{t('decisions.none')}</p>}
      {open.length > 0 && (
        <>
          <h4 className="panel-subhead">{t('decisions.openHeading', { count: open.length })}</h4>
          <ul className="decision-list" aria-label={t('decisions.openList')}>
            {open.map((decision) => (
              <li key={decision.id}>
                <DecisionCard decision={decision} entries={entriesOf(decision.id)} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      )}
      {closed.length > 0 && (
        <>
          <h4 className="panel-subhead">{t('decisions.closedHeading', { count: closed.length })}</h4>
          <ul className="decision-list" aria-label={t('decisions.closedList')}>
            {closed.map((decision) => (
              <li key={decision.id}>
                <DecisionCard decision={decision} entries={entriesOf(decision.id)} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      )}
      {log.decisions.length > 0 && (
        <p className="panel-links">
          <span>{t('decisions.export')}</span>{' '}
          <a href={panelsApi.decisionExportHref(info.id, 'markdown')} download>
            {t('decisions.exportMarkdown')}
          </a>{' '}
          <a href={panelsApi.decisionExportHref(info.id, 'csv')} download>
            {t('decisions.exportCsv')}
          </a>
        </p>
      )}
    </>
  );
}
