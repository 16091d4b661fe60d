/**
 * A modal confirmation built on the native <dialog>: the browser traps focus and closes it with
 * Escape. It opens when mounted, focuses "Cancel" (the safe choice), and on closing gives focus
 * back to what opened it, or to `fallbackFocus` when that is gone (e.g. the removed person's row).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useRefusableAction } from './useRefusableAction';
import { useI18n } from '../i18n/I18nProvider';
import { FormAlert } from './FormAlert';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Resolves to null when done (the dialog closes), or to a message shown inside the dialog. */
  onConfirm: () => Promise<string | null>;
  onCancel: () => void;
  fallbackFocus?: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, fallbackFocus }: ConfirmDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const closingOnUnmount = useRef(false);
  const { busy, error, run: confirm } = useRefusableAction(onConfirm);
  const latest = useRef({ onCancel, fallbackFocus });
  latest.current = { onCancel, fallbackFocus };

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      if (element?.open) {
        closingOnUnmount.current = true;
        element.close();
      }
      if (opener?.isConnected) opener.focus();
      else latest.current.fallbackFocus?.();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => {
        if (closingOnUnmount.current) closingOnUnmount.current = false;
        else latest.current.onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      <FormAlert message={error} />
      <div className="dialog__actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
