/**
 * An Ensemble client for the crash soak: the stock y-websocket provider connecting with
 * `?client=ensemble`, so the server also answers with `saved` (message type 100: how many of
 * this socket's sync step-2 / update frames are durably stored). It types unique tokens and
 * knows, at any moment, which of them were acknowledged to it and which it saw from others.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { MESSAGE_TYPES, SYNC_STEPS } from '../../shared/src/index';

const TOKEN = /<(r\d+c\d+x\d+n\d+)>/g;

interface Typed {
  token: string;
  socket: CountingSocket | null;
  frame: number;
}

/** A `ws` socket that counts the frames the server acknowledges in `saved` (sync step 2 and update). */
class CountingSocket extends WebSocket {
  frames = 0;
  acknowledged = 0;
}

export class SoakClient {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('soak');
  readonly provider: WebsocketProvider;
  /** Tokens of other clients that reached this one (relayed, so stored before). */
  readonly seen = new Set<string>();
  private readonly typed: Typed[] = [];
  private socket: CountingSocket | null = null;
  private seq = 0;

  constructor(wsBase: string, documentId: string, token: string, readonly name: string) {
    const owner = this;
    class Socket extends CountingSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        owner.socket = this;
      }
      override send(data: unknown, ...rest: unknown[]): void {
        const bytes = data as Uint8Array;
        if (bytes[0] === MESSAGE_TYPES.sync && (bytes[1] === SYNC_STEPS.step2 || bytes[1] === SYNC_STEPS.update)) this.frames++;
        (WebSocket.prototype.send as (...args: unknown[]) => void).call(this, data, ...rest);
      }
    }
    this.provider = new WebsocketProvider(`${wsBase}/collab`, documentId, this.doc, {
      params: { token, client: 'ensemble' },
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    this.provider.messageHandlers[MESSAGE_TYPES.saved] = (_encoder, decoder, provider) => {
      const frames = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const socket = provider.ws as unknown as CountingSocket | null;
      if (socket) socket.acknowledged = Math.max(socket.acknowledged, frames);
    };
    this.provider.messageHandlers[MESSAGE_TYPES.record] = () => {};
    this.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: unknown, transaction: { local: boolean }) => {
      if (transaction.local) return;
      const text = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
      for (const match of text.matchAll(TOKEN)) this.seen.add(match[1] as string);
    });
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  /**
   * Inserts a new token at the start or the end (never inside another token, so every token stays
   * findable in the final text); remembers which frame carried it, if it was sent.
   */
  type(run: number, random: () => number): string {
    const token = `r${run}c${this.name}n${++this.seq}`;
    const socket = this.provider.wsconnected ? this.socket : null;
    const before = socket?.frames ?? 0;
    this.text.insert(random() < 0.5 ? 0 : this.text.length, `<${token}>`);
    const sent = socket !== null && socket.frames > before;
    this.typed.push({ token, socket: sent ? socket : null, frame: sent ? (socket as CountingSocket).frames : 0 });
    return token;
  }

  /** Tokens the server told this client it had stored. */
  acknowledged(): string[] {
    return this.typed.filter((t) => t.socket !== null && t.socket.acknowledged >= t.frame).map((t) => t.token);
  }

  get typedCount(): number {
    return this.typed.length;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Every token present in a text. */
export function tokensIn(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(TOKEN), (m) => m[1] as string));
}
