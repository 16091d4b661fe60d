/** "Archived" and "Restricted" beside a document's title: an icon and words, with a plain explanation for screen readers. */
import { useI18n } from '../i18n/I18nProvider';

function Icon({ path }: { path: string }) {
  return (
    <svg className="badge__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}

const LOCK = 'M4 7.5h8v6H4zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5';
const BOX = 'M2.5 3.5h11v3h-11zM3.5 6.5v6h9v-6M6.5 9h3';

export function StatusBadges({ archived, restricted }: { archived: boolean; restricted: boolean }) {
  const { t } = useI18n();
  if (!archived && !restricted) return null;
  return (
    <span className="status-badges">
      {archived && (
        <span className="badge badge--archived">
          <Icon path={BOX} />
          {t('life.badge.archived')}
          <span className="visually-hidden"> — {t('life.badge.archivedExplain')}</span>
        </span>
      )}
      {restricted && (
        <span className="badge badge--restricted">
          <Icon path={LOCK} />
          {t('life.badge.restricted')}
          <span className="visually-hidden"> — {t('life.badge.restrictedExplain')}</span>
        </span>
      )}
    </span>
  );
}
