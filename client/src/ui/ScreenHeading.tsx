/**
 * A screen's h1. It names the browser tab, and after an in-app navigation (not on the first
 * screen) it takes focus so screen reader users hear where they arrived, and Tab goes on from there.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { navigationsSoFar } from '../router';

/** The navigation count when the first screen appeared: redirects before it are part of loading. */
let firstScreenAt: number | null = null;

export function ScreenHeading({ pageTitle, children }: { pageTitle: string; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('common.pageTitle', { page: pageTitle });
  }, [pageTitle, t]);

  useEffect(() => {
    firstScreenAt ??= navigationsSoFar();
    if (navigationsSoFar() > firstScreenAt) ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
