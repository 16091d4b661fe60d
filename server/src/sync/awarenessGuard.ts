/**
 * Awareness updates are written by clients for themselves, so the server rewrites them before
 * they reach the room: each entry's `user` field is replaced by the connection's authenticated
 * identity, and entries for client ids that another connection owns are dropped.
 *
 * Awareness update format (y-protocols/awareness): varuint count, then per entry
 * varuint clientID, varuint clock, varstring JSON state ("null" when the client went away).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedFrameError } from './frames';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
        throw new MalformedFrameError('awareness state must be an object or null');
      }
      entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrameError('trailing bytes after the awareness update');
    return entries;
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError('awareness update does not decode');
  }
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Overwrites the identity of every non-null state with the authenticated one. */
export function stampIdentity(entries: AwarenessEntry[], identity: Record<string, unknown>): AwarenessEntry[] {
  return entries.map((entry) => (entry.state === null ? entry : { ...entry, state: { ...entry.state, user: identity } }));
}
