/**
 * Turns the provider's connection state and the socket's counts into one of a few words:
 *   saved        connected, synced, and the server stored every content frame this socket sent
 *   saving       connected, with frames not yet confirmed
 *   connecting   first connection, not synced yet
 *   reconnecting the connection just dropped and a first retry is under way
 *   offline      the browser is offline, or retrying keeps failing (changes stay in IndexedDB)
 *   stopped      the server refused us for good (close code 4400-4499); see `closeCode`
 */
import type { WebsocketProvider } from 'y-websocket';
import { COUNTS_CHANGED, CountingWebSocket } from './CountingWebSocket';

export type SaveState = 'saved' | 'saving' | 'connecting' | 'reconnecting' | 'offline' | 'stopped';

export interface SaveStatus {
  state: SaveState;
  /** The close code that stopped the connection, when `state` is 'stopped'. */
  closeCode: number | null;
}

export class SaveStatusTracker {
  private snapshot: SaveStatus = { state: 'connecting', closeCode: null };
  private readonly listeners = new Set<() => void>();
  private readonly watchedSockets = new WeakSet<WebSocket>();
  private everSynced = false;
  private closeCode: number | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly provider: WebsocketProvider) {
    const update = () => this.recompute();
    const onStatus = () => {
      this.watchSocket(provider.ws);
      update();
    };
    const onSync = (synced: boolean) => {
      if (synced) this.everSynced = true;
      update();
    };
    const onClosed = (event: { code: number }) => {
      this.closeCode = event.code;
      update();
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', update);
    provider.on('closed', onClosed);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    this.cleanups.push(
      () => provider.off('status', onStatus),
      () => provider.off('sync', onSync),
      () => provider.off('connection-close', update),
      () => provider.off('closed', onClosed),
      () => window.removeEventListener('online', update),
      () => window.removeEventListener('offline', update),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaveStatus => this.snapshot;

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.listeners.clear();
  }

  private watchSocket(ws: WebSocket | null): void {
    if (!ws || this.watchedSockets.has(ws)) return;
    this.watchedSockets.add(ws);
    ws.addEventListener(COUNTS_CHANGED, () => this.recompute());
  }

  private computeState(): SaveState {
    const { provider } = this;
    if (this.closeCode !== null && !provider.shouldConnect) return 'stopped';
    if (!navigator.onLine) return 'offline';
    const ws = provider.ws;
    if (provider.wsconnected && ws) {
      if (provider.synced) {
        return !(ws instanceof CountingWebSocket) || ws.allAcknowledged ? 'saved' : 'saving';
      }
      return this.everSynced ? 'reconnecting' : 'connecting';
    }
    // Each closed connection counts as a failed attempt until one syncs again.
    if (provider.wsUnsuccessfulReconnects <= 1) return this.everSynced ? 'reconnecting' : 'connecting';
    return 'offline';
  }

  private recompute(): void {
    const state = this.computeState();
    const closeCode = state === 'stopped' ? this.closeCode : null;
    if (state === this.snapshot.state && closeCode === this.snapshot.closeCode) return;
    this.snapshot = { state, closeCode };
    for (const listener of this.listeners) listener();
  }
}
