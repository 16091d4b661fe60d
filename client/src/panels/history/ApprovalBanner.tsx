/** Above the text: the last approved version, and a clear notice when the text has changed since. */
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../decisions/decisionLabels';
import { useNamedVersionsState } from './namedVersionsState';

export function ApprovalBanner() {
  const { t, language } = useI18n();
  const versions = useNamedVersionsState();
  if (versions.status !== 'ready' || !versions.data.approval) return null;
  const { approval } = versions.data;
  const vars = { name: approval.name, date: formatDate(approval.approvedAt, language) };
  return approval.changedSince ? (
    <p className="note note--warning approval-banner" role="status">
      <span aria-hidden="true">⚠ </span>
      {t('versions.changedSinceBanner', vars)}
    </p>
  ) : (
    <p className="note note--success approval-banner" role="status">
      <span aria-hidden="true">✔ </span>
      {t('versions.approvedBanner', vars)}
    </p>
  );
}
