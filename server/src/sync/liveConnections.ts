/**
 * Queries over the live connections of loaded rooms: which ones match an access rule (to close,
 * downgrade or re-stamp them), and record notices (message type 101) to a room's Ensemble clients.
 */
import type { ConnectionAccess } from './hooks';
import { encodeRecordEvent } from './frames';
import type { Room } from './room';
import type { RoomConnection } from './roomConnection';

export type ConnectionMatch = (documentId: string, access: ConnectionAccess) => boolean;

/** The open connections of these rooms that match. */
export function matchingConnections(rooms: Iterable<Room>, match: ConnectionMatch): RoomConnection[] {
  const found: RoomConnection[] = [];
  for (const room of rooms) {
    for (const connection of room.connections) {
      if (!connection.closed && match(room.documentId, connection.access)) found.push(connection);
    }
  }
  return found;
}

/**
 * Sends a record notice to the room's Ensemble clients (stock y-websocket clients never get
 * one), only to those that match when a rule is given. Returns how many were told.
 */
export function sendRecordNotice(room: Room, event: Record<string, unknown>, match?: ConnectionMatch): number {
  const message = encodeRecordEvent(JSON.stringify(event));
  let count = 0;
  for (const connection of room.connections) {
    if (connection.closed || !connection.options.ensembleClient) continue;
    if (match && !match(room.documentId, connection.access)) continue;
    connection.send(message);
    count++;
  }
  return count;
}
