/** A form's error summary: role="alert", so it is announced as soon as it appears. */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" className={message ? 'alert alert--error' : 'alert--empty'}>
      {message && (
        <p>
          <span aria-hidden="true">⚠ </span>
          {message}
        </p>
      )}
    </div>
  );
}

/** A polite confirmation ("Workspace created"), announced without interrupting. */
export function StatusNote({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'note note--success' : 'note--empty'}>
      {message && <p>{message}</p>}
    </div>
  );
}

/** Moves focus to the first invalid control of a form, after React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
