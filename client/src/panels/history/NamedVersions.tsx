/**
 * Named versions and their sign-off: who approved (or declined) which version and when, and
 * whether the text has changed since the last approval. Editors name versions, owners ask
 * members to sign, and the people asked approve or decline with a comment.
 */
import { useId } from 'react';
import { canEditContent, type NamedVersion } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { formatDate, formatDateTime } from '../decisions/decisionLabels';
import { usePanelScope } from '../panelScope';
import { useNamedVersionsState } from './namedVersionsState';
import { NameVersionForm } from './NameVersionForm';
import { SignoffAnswerForm, SignoffRequestForm } from './SignoffForms';
import { VersionActions } from './VersionActions';
import type { VersionView } from './VersionDialog';

interface NamedVersionsProps {
  onView: (view: VersionView) => void;
  onRestore: ((seq: number, which: string) => void) | undefined;
}

export function NamedVersions({ onView, onRestore }: NamedVersionsProps) {
  const { t } = useI18n();
  const { permission } = usePanelScope();
  const versions = useNamedVersionsState();
  return (
    <>
      <h4 className="panel-subhead">{t('versions.title')}</h4>
      {versions.status === 'loading' && <Loading />}
      {versions.status === 'failed' && <LoadFailure error={versions.error} onRetry={versions.reload} />}
      {versions.status === 'ready' && (
        <>
          {!versions.data.chain.ok && <p className="note note--warning">{t('versions.chainBroken')}</p>}
          {versions.data.versions.length === 0 && <p className="muted">{t('versions.none')}</p>}
          <ul className="named-versions" aria-label={t('versions.title')}>
            {[...versions.data.versions].reverse().map((version) => (
              <li key={version.id}>
                <NamedVersionItem
                  version={version}
                  changedSince={versions.data.approval?.versionId === version.id && versions.data.approval.changedSince}
                  onView={onView}
                  onRestore={onRestore}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {canEditContent(permission) && <NameVersionForm />}
    </>
  );
}

function NamedVersionItem({ version, changedSince, onView, onRestore }: NamedVersionsProps & { version: NamedVersion; changedSince: boolean }) {
  const { t, language } = useI18n();
  const { selfId, permission } = usePanelScope();
  const titleId = useId();
  const which = t('versions.which', { name: version.name });
  const approvedAt = version.signers.map((s) => s.at ?? '').sort().at(-1) ?? '';
  const mine = version.signers.find((s) => s.userId === selfId && s.status === 'asked');

  return (
    <article className="named-version" aria-labelledby={titleId}>
      <h5 id={titleId}>{version.name}</h5>
      <p className="muted">{t('versions.namedBy', { name: version.createdByName, date: formatDateTime(version.createdAt, language) })}</p>
      {version.approved && (
        <p className="signoff-status signoff-status--approved">
          <span aria-hidden="true">✔ </span>
          {t('versions.approvedBy', { names: version.signers.map((s) => s.displayName).join(', '), date: formatDate(approvedAt, language) })}
        </p>
      )}
      {changedSince && (
        <p className="note note--warning">
          <span aria-hidden="true">⚠ </span>
          {t('versions.changedSince')}
        </p>
      )}
      {/* Once approved, the list stays when someone left a comment: their words go with their approval. */}
      {version.signers.length > 0 && (!version.approved || version.signers.some((s) => s.comment)) && (
        <ul className="signer-list" aria-label={t('versions.signers')}>
          {version.signers.map((signer) => (
            <li key={signer.userId} className={`signer signer--${signer.status}`}>
              <span aria-hidden="true">{signer.status === 'approved' ? '✔ ' : signer.status === 'declined' ? '✖ ' : '… '}</span>
              {t(`versions.signer.${signer.status}`, { name: signer.displayName, date: signer.at ? formatDate(signer.at, language) : '' })}
              {signer.comment && <span className="signer__comment"> — {signer.comment}</span>}
            </li>
          ))}
        </ul>
      )}
      <VersionActions which={which} onView={(mode) => onView({ seq: version.seq, mode, which })} onRestore={onRestore && (() => onRestore(version.seq, which))} />
      {mine && <SignoffAnswerForm version={version} />}
      {permission === 'owner' && <SignoffRequestForm version={version} />}
    </article>
  );
}
