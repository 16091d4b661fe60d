/**
 * An earlier version in a large dialog: its text, read-only, or compared with now (what was
 * added and removed since, and by whom). Owners and editors can restore it from here.
 */
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { upperFirst } from '../../i18n/labels';
import { CompareView } from './CompareView';
import { ReadOnlyVersion } from './ReadOnlyVersion';

export interface VersionView {
  seq: number;
  mode: 'text' | 'compare';
  /** Which version, in words: "the version “First draft”", "the text before the session of …". */
  which: string;
}

interface VersionDialogProps {
  view: VersionView;
  onMode: (mode: VersionView['mode']) => void;
  onClose: () => void;
  onRestore: (() => void) | undefined;
}

export function VersionDialog({ view, onMode, onClose, onRestore }: VersionDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={dialog} className="dialog dialog--wide version-dialog" aria-labelledby={titleId} onClose={() => latestClose.current()}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="dialog__title">
        {upperFirst(view.which)}
      </h2>
      <div role="group" aria-label={t('history.viewAs')} className="segmented">
        <button type="button" className="segmented__button" aria-pressed={view.mode === 'text'} onClick={() => onMode('text')}>
          {t('history.viewText')}
        </button>
        <button type="button" className="segmented__button" aria-pressed={view.mode === 'compare'} onClick={() => onMode('compare')}>
          {t('history.viewCompare')}
        </button>
      </div>
      <div className="version-dialog__body">{view.mode === 'text' ? <ReadOnlyVersion seq={view.seq} /> : <CompareView seq={view.seq} />}</div>
      <div className="dialog__actions">
        {onRestore && (
          <button type="button" className="button" onClick={onRestore}>
            {t('history.restoreThis')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
