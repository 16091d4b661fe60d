/**
 * What changes for the other server instances when something happens on this one, besides
 * document updates, presence and record notices (which the sync core relays itself):
 * workshop notices, access changes and ended sessions. Each is applied here at once, and, with
 * a relay, published so that every other instance applies it to its own connections and
 * streams, re-checking access against the shared store rather than trusting the message.
 * Without a relay (one instance) each call only does the local part, exactly as before.
 */
import type { Logger } from '../log';
import type { MembershipEffects } from '../people/peopleService';
import type { Store } from '../storage/store';
import type { ConnectionMatch, RoomManager } from '../sync/roomManager';
import type { WorkshopEventHub } from '../workshops/workshopEvents';
import type { BusMessage, ConnectionFilter } from './messages';
import type { RedisRelay } from './redisRelay';

/** The part of LiveAccess that lifecycle changes call (archive, trash, access lists). */
export interface AccessRefresher {
  refresh(documentId: string, userIds?: string[]): Promise<void>;
}

export interface ClusterTargets {
  rooms: RoomManager;
  /** Local access re-checks (LiveAccess). */
  access: AccessRefresher;
  /** Local membership effects (LiveAccess, plus closing workshop streams). */
  effects: MembershipEffects;
  workshops: WorkshopEventHub;
  store: Store;
  log: Logger;
}

export function connectionMatch(filter: ConnectionFilter): ConnectionMatch {
  if ('memberId' in filter) return (_, access) => access.memberId === filter.memberId;
  if ('sessionId' in filter) return (_, access) => access.sessionId === filter.sessionId;
  const documents = new Set(filter.documentIds);
  return (documentId) => documents.has(documentId);
}

export class ClusterLink {
  constructor(
    private readonly relay: RedisRelay | null,
    private readonly targets: ClusterTargets,
  ) {
    const peers = targets.rooms.peerSync;
    if (!relay || !peers) return;
    relay.deliverTo(peers, (message) => {
      this.apply(message).catch((error: unknown) => targets.log.error('relayed_change_failed', { kind: message.kind, error: String(error) }));
    });
  }

  workshopChanged(workshopId: string, revision: number): void {
    this.targets.workshops.notify(workshopId, revision);
    this.relay?.publishBus({ kind: 'workshop', workshopId, revision });
  }

  /** Closes matching connections here and on every instance; returns how many closed here. */
  endConnections(filter: ConnectionFilter, code: number, reason: string): number {
    this.relay?.publishBus({ kind: 'end-connections', filter, code, reason });
    return this.targets.rooms.disconnect(connectionMatch(filter), code, reason);
  }

  /** Access re-checks that run on every instance. */
  get access(): AccessRefresher {
    return {
      refresh: async (documentId, userIds) => {
        this.relay?.publishBus({ kind: 'access', documentId, userIds: userIds ?? null });
        await this.targets.access.refresh(documentId, userIds);
      },
    };
  }

  /** Membership effects that run on every instance. */
  get effects(): MembershipEffects {
    const { effects } = this.targets;
    return {
      changed: async (workspaceId, userId, membership) => {
        this.relay?.publishBus({ kind: 'membership', change: 'changed', workspaceId, userId });
        await effects.changed(workspaceId, userId, membership);
      },
      removed: async (workspaceId, userId) => {
        this.relay?.publishBus({ kind: 'membership', change: 'removed', workspaceId, userId });
        await effects.removed(workspaceId, userId);
      },
    };
  }

  /** Applies what another instance published, to this instance's connections only. */
  private async apply(message: BusMessage): Promise<void> {
    const { rooms, access, effects, workshops, store } = this.targets;
    switch (message.kind) {
      case 'workshop':
        workshops.notify(message.workshopId, message.revision);
        return;
      case 'access': {
        const here = rooms.membersOn(message.documentId);
        const users = message.userIds ? message.userIds.filter((id) => here.includes(id)) : here;
        if (users.length > 0) await access.refresh(message.documentId, users);
        return;
      }
      case 'membership': {
        if (message.change === 'removed') return effects.removed(message.workspaceId, message.userId);
        // The store says what the membership is now (the message only says that it changed).
        const membership = await store.getMembership(message.workspaceId, message.userId);
        if (membership) await effects.changed(message.workspaceId, message.userId, membership);
        else await effects.removed(message.workspaceId, message.userId);
        return;
      }
      case 'end-connections':
        rooms.disconnect(connectionMatch(message.filter), message.code, message.reason);
        return;
    }
  }
}
