/**
 * Open / Compare with now / Restore for one version. The visible words are short; the hidden
 * part names the version, so each button makes sense on its own to a screen reader.
 */
import { useI18n } from '../../i18n/I18nProvider';

interface VersionActionsProps {
  /** Visible lead-in, e.g. "Before this session:". */
  intro?: string;
  /** Which version, for screen readers, e.g. "the text before the session of 3 May". */
  which: string;
  onView: (mode: 'text' | 'compare') => void;
  onRestore: (() => void) | undefined;
}

export function VersionActions({ intro, which, onView, onRestore }: VersionActionsProps) {
  const { t } = useI18n();
  const hidden = <span className="visually-hidden"> ({which})</span>;
  return (
    <div className="version-actions">
      {intro && <span className="version-actions__intro">{intro}</span>}
      <button type="button" className="button button--quiet" onClick={() => onView('text')}>
        {t('history.open')}
        {hidden}
      </button>
      <button type="button" className="button button--quiet" onClick={() => onView('compare')}>
        {t('history.compare')}
        {hidden}
      </button>
      {onRestore && (
        <button type="button" className="button button--quiet" onClick={onRestore}>
          {t('history.restore')}
          {hidden}
        </button>
      )}
    </div>
  );
}
