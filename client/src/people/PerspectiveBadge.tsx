/**
 * A knowledge perspective shown with words and an icon, in its own hue (the same pair of hues
 * and icons everywhere perspectives appear): never colour alone.
 */
import type { Perspective } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { perspectiveKey } from '../i18n/labels';

// 16×16 strokes: a heart (lived experience), a briefcase (profession), a speech bubble (facilitation).
const ICON_PATHS: Record<Perspective, string> = {
  experiential: 'M8 13.5 2.6 8.3A3.2 3.2 0 0 1 8 4.2a3.2 3.2 0 0 1 5.4 4.1Z',
  professional: 'M2 5.5h12v8H2zM5.5 5.5V3.5h5v2M2 9h12',
  facilitation: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z',
};

export function PerspectiveIcon({ perspective }: { perspective: Perspective }) {
  return (
    <svg className="perspective__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[perspective]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}

export function PerspectiveBadge({ perspective }: { perspective: Perspective }) {
  const { t } = useI18n();
  return (
    <span className={`perspective perspective--${perspective}`}>
      <PerspectiveIcon perspective={perspective} />
      {t(perspectiveKey(perspective))}
    </span>
  );
}
