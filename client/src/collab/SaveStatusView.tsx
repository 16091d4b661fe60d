/**
 * The save and connection status in words (with a symbol, never colour alone), in a polite live
 * region. "Saving…" appears only if saving takes a moment, so typing does not make it chatter.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import type { SaveState, SaveStatus, SaveStatusTracker } from './saveStatus';

const SAVING_DELAY_MS = 600;

const WORDING: Record<SaveState, { key: MessageKey; symbol: string }> = {
  saved: { key: 'status.saved', symbol: '✓' },
  saving: { key: 'status.saving', symbol: '…' },
  connecting: { key: 'status.connecting', symbol: '…' },
  reconnecting: { key: 'status.reconnecting', symbol: '↻' },
  offline: { key: 'status.offline', symbol: '○' },
  stopped: { key: 'status.stopped', symbol: '×' },
};

export function useSaveStatus(tracker: SaveStatusTracker): SaveStatus {
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
}

function useCalmState(state: SaveState): SaveState {
  const [shown, setShown] = useState(state);
  useEffect(() => {
    if (state !== 'saving' || shown !== 'saved') {
      setShown(state);
      return;
    }
    const timer = setTimeout(() => setShown('saving'), SAVING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, shown]);
  return shown;
}

export function SaveStatusText({ tracker }: { tracker: SaveStatusTracker }) {
  const { t } = useI18n();
  const { state } = useSaveStatus(tracker);
  const shown = useCalmState(state);
  const { key, symbol } = WORDING[shown];
  return (
    <p className={`save-status save-status--${shown}`} aria-live="polite" data-state={shown}>
      <span className="save-status__symbol" aria-hidden="true">
        {symbol}
      </span>
      <span className="save-status__text">{t(key)}</span>
    </p>
  );
}
