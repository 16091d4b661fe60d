/**
 * One editing client per server kind, each with that server's own client library: the stock
 * y-websocket WebsocketProvider for Ensemble and the stock server, HocuspocusProvider for
 * Hocuspocus. All run in Node with the `ws` package as the WebSocket implementation.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';

export type ServerKind = 'ensemble' | 'ystock' | 'hocuspocus';

export const SERVER_KINDS: ServerKind[] = ['ensemble', 'ystock', 'hocuspocus'];

/** Where a client connects: the server's WebSocket base URL, a room, and Ensemble's token. */
export interface RoomTarget {
  kind: ServerKind;
  wsBase: string;
  room: string;
  token?: string;
}

export interface BenchClient {
  doc: Y.Doc;
  text: Y.Text;
  /** Resolves once the first sync with the server has completed. */
  synced: Promise<void>;
  /** Clears the awareness state (an idle tab that shows no presence). */
  hidePresence(): void;
  /** The socket's unsent bytes (0 when nothing is queued). */
  bufferedAmount(): number;
  destroy(): void;
}

export const TEXT_NAME = 'bench';

export function connectBenchClient(target: RoomTarget, options: { ensembleClient?: boolean } = {}): BenchClient {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  if (target.kind === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: target.wsBase,
      name: target.room,
      document: doc,
      WebSocketPolyfill: WebSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    const synced = new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      else provider.on('synced', () => resolve());
    });
    return {
      doc,
      text,
      synced,
      hidePresence: () => provider.awareness?.setLocalState(null),
      bufferedAmount: () => (provider.configuration.websocketProvider.webSocket as WebSocket | null)?.bufferedAmount ?? 0,
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  const serverUrl = target.kind === 'ensemble' ? `${target.wsBase}/collab` : target.wsBase;
  const params: Record<string, string> = {};
  if (target.token) params.token = target.token;
  if (options.ensembleClient) params.client = 'ensemble';
  const provider = new WebsocketProvider(serverUrl, target.room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.on('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    text,
    synced,
    hidePresence: () => provider.awareness.setLocalState(null),
    bufferedAmount: () => provider.ws?.bufferedAmount ?? 0,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
