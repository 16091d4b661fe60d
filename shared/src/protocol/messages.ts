/**
 * Messages on /collab/<documentId>. Each binary frame starts with a varuint message type
 * (lib0 encoding), followed by the type's payload:
 *
 *   0 sync       y-protocols sync: varuint step (0 = step 1 state vector, 1 = step 2 update,
 *                2 = update), then a varuint8array payload.
 *   1 awareness  y-protocols awareness update (varuint8array).
 *   3 query-awareness  no payload; the server answers with every known awareness state.
 *
 *   100 saved    Ensemble only, server -> client: varuint acknowledgedFrames, varuint lastSeq.
 *                `acknowledgedFrames` counts the sync step-2 / update frames this connection
 *                has sent that the server has durably appended (or knowingly dropped), so a
 *                client can tell "Saved" once it equals what it has sent on this socket.
 *                Sent only to clients that connect with `?client=ensemble`, so stock
 *                y-websocket clients never see an unknown type.
 *   101 record   Ensemble only, server -> client: varstring JSON of a RecordEvent
 *                (shared/src/protocol/records.ts): a structured record (decision, comment,
 *                membership...) of this document changed; the client refetches it over HTTP.
 *                Same audience rule as `saved`.
 */
export const MESSAGE_TYPES = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 100,
  record: 101,
} as const;

export const SYNC_STEPS = { step1: 0, step2: 1, update: 2 } as const;

/** Query parameter value by which Ensemble's own client announces it understands `saved`. */
export const ENSEMBLE_CLIENT_PARAM = { name: 'client', value: 'ensemble' } as const;
