/**
 * Whether the decision log's hash chain is intact, in words (and an icon), with a button to
 * recompute it from storage (`GET .../decisions/verify`).
 */
import { useEffect, useState } from 'react';
import type { ChainVerification } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { panelsApi } from '../panelsApi';
import { plural } from '../plural';
import { usePanelScope } from '../panelScope';

export function ChainStatus({ initial }: { initial: ChainVerification }) {
  const { t, language } = useI18n();
  const { info } = usePanelScope();
  const [verification, setVerification] = useState(initial);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  useEffect(() => setVerification(initial), [initial]);

  const verify = () => {
    setChecking(true);
    setProblem(null);
    panelsApi
      .verifyDecisions(info.id)
      .then((answer) => {
        setVerification(answer);
        setCheckedAt(new Date());
      }, (error: unknown) => setProblem(errorMessage(error, t)))
      .finally(() => setChecking(false));
  };

  const ok = verification.ok;
  return (
    <div className={`chain-status ${ok ? 'chain-status--ok' : 'chain-status--broken'}`}>
      <p role="status">
        <span aria-hidden="true" className="chain-status__icon">
          {ok ? '✔' : '⚠'}
        </span>{' '}
        {ok
          ? plural(t, language, 'decisions.chainOk', verification.entries)
          : t('decisions.chainBroken', { seq: verification.brokenAt?.seq ?? '?' })}
        {checkedAt && <span className="visually-hidden"> {t('decisions.chainChecked')}</span>}
      </p>
      <button type="button" className="button button--quiet" disabled={checking} onClick={verify}>
        {t('decisions.verify')}
      </button>
      {problem && <p className="field__error">{problem}</p>}
    </div>
  );
}
