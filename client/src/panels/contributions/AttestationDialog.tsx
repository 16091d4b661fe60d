/**
 * The printable participation record, in a dialog placed directly in <body> so that printing
 * shows only the record. Owners may pick any member, or everyone for a summary of the workspace.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { api } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import { SelectField } from '../../ui/Field';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { useLoad } from '../../ui/useLoad';
import { formatDate } from '../decisions/decisionLabels';
import { usePanelScope } from '../panelScope';
import { loadWorkspaceData, participationOf } from './participation';
import { contributionKinds, download, recordIntro, recordsMarkdown } from './participationText';
import './attestation.css';

const EVERYONE = '*';

export function AttestationDialog({ onClose }: { onClose: () => void }) {
  const { t, language } = useI18n();
  const { info, selfId, permission } = usePanelScope();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  const [who, setWho] = useState(selfId);
  const data = useLoad(() => Promise.all([api.listMembers(info.workspaceId), loadWorkspaceData(info.workspaceId)]), [info.workspaceId]);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const records = useMemo(() => {
    if (data.status !== 'ready') return [];
    const [{ members }, documents] = data.data;
    const workspace = { id: info.workspaceId, name: info.workspaceName };
    const chosen = members.filter((m) => (who === EVERYONE ? true : m.userId === who));
    return chosen.map((member) => participationOf(member, workspace, documents, new Date()));
  }, [data, who, info.workspaceId, info.workspaceName]);

  const baseName = `participation-${(who === EVERYONE ? info.workspaceName : (records[0]?.person.displayName ?? 'record')).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;

  return createPortal(
    <dialog ref={dialog} className="dialog dialog--wide attestation" aria-labelledby={titleId} onClose={() => latestClose.current()}>
      <div className="attestation__controls">
        <h2 id={titleId} className="dialog__title">
          {t('attest.title')}
        </h2>
        {data.status === 'ready' && permission === 'owner' && (
          <SelectField
            label={t('attest.whose')}
            value={who}
            onChange={(e) => setWho(e.target.value)}
            options={[...data.data[0].members.map((m) => ({ value: m.userId, label: m.displayName })), { value: EVERYONE, label: t('attest.everyone') }]}
          />
        )}
        <div className="dialog__actions">
          <button type="button" className="button" disabled={records.length === 0} onClick={() => window.print()}>
            {t('attest.print')}
          </button>
          <button type="button" className="button" disabled={records.length === 0} onClick={() => download(`${baseName}.md`, recordsMarkdown(records, t, language), 'text/markdown;charset=utf-8')}>
            {t('attest.markdown')}
          </button>
          <button type="button" className="button" disabled={records.length === 0} onClick={() => download(`${baseName}.json`, `${JSON.stringify(records, null, 2)}\n`, 'application/json')}>
            {t('attest.json')}
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <LoadFailure error={data.error} onRetry={data.reload} />}
      {records.map((record) => (
        <article key={record.person.userId} className="attestation__record" aria-label={t('attest.heading', { name: record.person.displayName })}>
          <h3>{t('attest.heading', { name: record.person.displayName })}</h3>
          <p>{recordIntro(record, t, language)}</p>
          {record.documents.map((row) => (
            <section key={row.documentId} className="attestation__document">
              <h4>{row.title}</h4>
              <ul>
                {row.sessionDays.length > 0 && <li>{t('attest.sessions', { days: row.sessionDays.map((d) => formatDate(d, language)).join(', ') })}</li>}
                {contributionKinds(row, t, language).map((kind) => (
                  <li key={kind}>{kind}</li>
                ))}
              </ul>
            </section>
          ))}
          <p className="attestation__footer">{t('attest.footer', { date: formatDate(record.generatedAt, language) })}</p>
        </article>
      ))}
    </dialog>,
    document.body,
  );
}
