/**
 * What server instances tell each other through Redis (docs/deployment.md).
 *
 * Document channel `<prefix>:doc:<documentId>`, binary (lib0 encoding):
 *   varuint kind, varstring instanceId, then by kind
 *   1 updates          varuint count, per update: varuint seq, varstring memberId,
 *                      varuint n, n × varuint clientId (bound by it), varuint8array update
 *   2 awareness        varuint8array awareness update (identities already stamped)
 *   3 awareness-query  nothing (a room just loaded asks for the others' presence)
 *   4 notice           varstring JSON record notice (PROTOCOL.md, message type 101)
 *
 * Bus channel `<prefix>:bus`, JSON ({ from, message }): workshop notices and the access changes
 * that every instance re-checks against the shared store for its own connections.
 *
 * Each instance skips its own messages. Anything that does not decode is reported and dropped:
 * for updates, the gap it leaves is read from the log.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { decodeAwarenessUpdate } from '../sync/awarenessGuard';
import type { RelayedMessage, RelayedUpdate } from '../sync/hooks';

const KINDS = { updates: 1, awareness: 2, 'awareness-query': 3, notice: 4 } as const;
const MAX_UPDATES = 100_000;
const MAX_CLIENTS = 10_000;

export class RelayDecodeError extends Error {}

export function encodeDocumentMessage(instanceId: string, message: RelayedMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS[message.kind]);
  encoding.writeVarString(encoder, instanceId);
  switch (message.kind) {
    case 'updates':
      encoding.writeVarUint(encoder, message.updates.length);
      for (const update of message.updates) {
        encoding.writeVarUint(encoder, update.seq);
        encoding.writeVarString(encoder, update.memberId);
        encoding.writeVarUint(encoder, update.bindClients.length);
        for (const clientId of update.bindClients) encoding.writeVarUint(encoder, clientId);
        encoding.writeVarUint8Array(encoder, update.update);
      }
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness-query':
      break;
    case 'notice':
      encoding.writeVarString(encoder, JSON.stringify(message.event));
      break;
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

const NoticeSchema = z.looseObject({ kind: z.string().min(1).max(64), documentId: z.string().min(1).max(128) });

export function decodeDocumentMessage(data: Uint8Array, documentId: string): { from: string; message: RelayedMessage } {
  try {
    const decoder = decoding.createDecoder(data);
    const kind = decoding.readVarUint(decoder);
    const from = decoding.readVarString(decoder);
    let message: RelayedMessage;
    switch (kind) {
      case KINDS.updates: {
        const count = decoding.readVarUint(decoder);
        if (count === 0 || count > MAX_UPDATES) throw new RelayDecodeError(`bad update count ${count}`);
        const updates: RelayedUpdate[] = [];
        for (let i = 0; i < count; i++) {
          const seq = decoding.readVarUint(decoder);
          const memberId = decoding.readVarString(decoder);
          const bound = decoding.readVarUint(decoder);
          if (seq < 1 || memberId.length === 0 || bound > MAX_CLIENTS) throw new RelayDecodeError('bad update entry');
          const bindClients: number[] = [];
          for (let j = 0; j < bound; j++) bindClients.push(decoding.readVarUint(decoder));
          updates.push({ seq, memberId, bindClients, update: decoding.readVarUint8Array(decoder) });
        }
        message = { kind: 'updates', updates };
        break;
      }
      case KINDS.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        decodeAwarenessUpdate(update);
        message = { kind: 'awareness', update };
        break;
      }
      case KINDS['awareness-query']:
        message = { kind: 'awareness-query' };
        break;
      case KINDS.notice: {
        const event = NoticeSchema.parse(JSON.parse(decoding.readVarString(decoder)));
        if (event.documentId !== documentId) throw new RelayDecodeError('notice for another document');
        message = { kind: 'notice', event };
        break;
      }
      default:
        throw new RelayDecodeError(`unknown kind ${kind}`);
    }
    if (decoding.hasContent(decoder)) throw new RelayDecodeError('trailing bytes');
    return { from, message };
  } catch (error) {
    if (error instanceof RelayDecodeError) throw error;
    throw new RelayDecodeError(error instanceof Error ? error.message : 'undecodable');
  }
}

const Id = z.string().min(1).max(128);

/** Filters of connections to close everywhere (sign-out, sign-out everywhere, erasure). */
export const ConnectionFilterSchema = z.union([
  z.strictObject({ memberId: Id }),
  z.strictObject({ sessionId: Id }),
  z.strictObject({ documentIds: z.array(Id).max(100_000) }),
]);
export type ConnectionFilter = z.infer<typeof ConnectionFilterSchema>;

export const BusMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('workshop'), workshopId: Id, revision: z.number().int().nonnegative() }),
  /** A document's access changed: each instance re-checks its connections (all of them, or these people's). */
  z.strictObject({ kind: z.literal('access'), documentId: Id, userIds: z.array(Id).max(100_000).nullable() }),
  z.strictObject({ kind: z.literal('membership'), change: z.enum(['changed', 'removed']), workspaceId: Id, userId: Id }),
  z.strictObject({ kind: z.literal('end-connections'), filter: ConnectionFilterSchema, code: z.number().int().min(1000).max(4999), reason: z.string().max(200) }),
]);
export type BusMessage = z.infer<typeof BusMessageSchema>;

const BusEnvelopeSchema = z.strictObject({ from: Id, message: BusMessageSchema });

export function encodeBusMessage(instanceId: string, message: BusMessage): string {
  return JSON.stringify({ from: instanceId, message });
}

export function decodeBusMessage(text: string): { from: string; message: BusMessage } {
  try {
    return BusEnvelopeSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new RelayDecodeError(error instanceof Error ? error.message.slice(0, 200) : 'undecodable');
  }
}
