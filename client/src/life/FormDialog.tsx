/**
 * A modal dialog holding a small form (rename, move, who can open, delete for good), or only
 * information (who consulted a document, a recovery link) when it has no `onSubmit`. Built like
 * ui/ConfirmDialog on the native <dialog>: the browser traps focus and closes it with Escape.
 * Focus goes to the first field of a form, or to the title when the dialog is mostly reading (an
 * information dialog, a long explanation), so it starts at the top; it goes back to the opener on
 * closing, or to `fallbackFocus` when the opener is gone (a row that left the list).
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useRefusableAction } from '../ui/useRefusableAction';
import { useI18n } from '../i18n/I18nProvider';
import { FormAlert } from '../ui/FormAlert';
import './life.css';

interface FormDialogProps {
  title: string;
  /** A short text that the dialog is described by (read when it opens). */
  intro?: ReactNode;
  children?: ReactNode;
  /** Resolves to null when done (the parent closes the dialog), or to a message shown inside. */
  onSubmit?: () => Promise<string | null>;
  submitLabel?: string;
  tone?: 'primary' | 'danger';
  onClose: () => void;
  fallbackFocus?: () => void;
  wide?: boolean;
  /** Where focus starts: the first field (forms' default) or the title (information dialogs' default). */
  initialFocus?: 'field' | 'title';
}

const FIELDS = 'input:not([type="hidden"]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled])';

export function FormDialog({ title, intro, children, onSubmit, submitLabel, tone = 'primary', onClose, fallbackFocus, wide, initialFocus }: FormDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const introId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const closingOnUnmount = useRef(false);
  const { busy, error, run } = useRefusableAction(onSubmit ?? (async () => null));
  const latest = useRef({ onClose, fallbackFocus });
  latest.current = { onClose, fallbackFocus };

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    const start = initialFocus ?? (onSubmit ? 'field' : 'title');
    const field = start === 'field' ? element?.querySelector<HTMLElement>(FIELDS) : null;
    (field ?? (start === 'title' ? heading.current : cancel.current))?.focus();
    return () => {
      if (element?.open) {
        closingOnUnmount.current = true;
        element.close();
      }
      const fallback = latest.current.fallbackFocus;
      if (opener?.isConnected && (opener.offsetParent !== null || !fallback)) opener.focus();
      else fallback?.();
    };
    // Opens once, when mounted.
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!onSubmit || busy) return;
    await run();
  };

  return (
    <dialog
      ref={dialog}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={intro ? introId : undefined}
      onClose={() => {
        if (closingOnUnmount.current) closingOnUnmount.current = false;
        else latest.current.onClose();
      }}
    >
      <form className="life-dialog__form" noValidate onSubmit={submit}>
        <h2 id={titleId} ref={heading} tabIndex={-1} className="dialog__title">
          {title}
        </h2>
        {intro && (
          <div id={introId} className="dialog__body">
            {intro}
          </div>
        )}
        {children}
        <FormAlert message={error} />
        <div className="dialog__actions">
          <button ref={cancel} type="button" className="button" onClick={onClose}>
            {onSubmit ? t('common.cancel') : t('common.close')}
          </button>
          {onSubmit && (
            <button type="submit" className={`button ${tone === 'danger' ? 'button--danger' : 'button--primary'}`} disabled={busy}>
              {submitLabel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
