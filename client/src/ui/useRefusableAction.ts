/**
 * Runs a dialog's action: busy while it runs; on success (null) the parent unmounts the dialog,
 * so only a refusal (a message) is kept, to be shown inside the dialog.
 */
import { useState } from 'react';

export function useRefusableAction(action: () => Promise<string | null>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const problem = await action();
    if (problem !== null) {
      setBusy(false);
      setError(problem);
    }
  };
  return { busy, error, run };
}
