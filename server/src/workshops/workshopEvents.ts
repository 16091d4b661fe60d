/**
 * The live channel of workshops (ADR 0006): who listens to which workshop, and the notices they
 * get. A notice says only which revision the workshop reached, never what changed, so it can go
 * to everyone in the room alike; each client then fetches its own view over HTTP. Notices are
 * coalesced per event-loop turn: when sixty people vote at once, each listener gets one notice
 * per turn with the latest revision, not sixty.
 */
import type { WorkshopEvent } from '../../../shared/src/index';
import type { MembershipEffects } from '../people/peopleService';

export interface WorkshopListener {
  workshopId: string;
  workspaceId: string;
  userId: string;
  /** Hash of the session that opened the stream, to close it when that session ends. */
  sessionId: string;
  send(event: WorkshopEvent): void;
  close(): void;
}

export class WorkshopEventHub {
  private readonly listeners = new Map<string, Set<WorkshopListener>>();
  private readonly pending = new Map<string, number>();
  private flushScheduled = false;

  add(listener: WorkshopListener): () => void {
    let set = this.listeners.get(listener.workshopId);
    if (!set) this.listeners.set(listener.workshopId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(listener.workshopId) === set) this.listeners.delete(listener.workshopId);
    };
  }

  notify(workshopId: string, revision: number): void {
    if (!this.listeners.has(workshopId)) return;
    this.pending.set(workshopId, Math.max(revision, this.pending.get(workshopId) ?? 0));
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Closes the streams that match (a member removed, a session ended); returns how many. */
  closeWhere(match: (listener: WorkshopListener) => boolean): number {
    let closed = 0;
    for (const set of this.listeners.values()) {
      for (const listener of [...set]) {
        if (!match(listener)) continue;
        listener.close();
        closed++;
      }
    }
    return closed;
  }

  countFor(userId: string): number {
    let count = 0;
    for (const set of this.listeners.values()) for (const listener of set) if (listener.userId === userId) count++;
    return count;
  }

  private flush(): void {
    this.flushScheduled = false;
    const due = [...this.pending];
    this.pending.clear();
    for (const [workshopId, revision] of due) {
      for (const listener of this.listeners.get(workshopId) ?? []) listener.send({ workshopId, revision });
    }
  }
}

/** Membership effects that also end a removed person's workshop streams, at once. */
export function alsoClosingStreams(effects: MembershipEffects, hub: WorkshopEventHub): MembershipEffects {
  return {
    changed: (workspaceId, userId, membership) => effects.changed(workspaceId, userId, membership),
    removed: async (workspaceId, userId) => {
      hub.closeWhere((listener) => listener.workspaceId === workspaceId && listener.userId === userId);
      await effects.removed(workspaceId, userId);
    },
  };
}
