/**
 * Who wrote what: authorship bindings for the editor's view, contribution figures, the work
 * sessions of the history, earlier versions, comparisons and restores. Members only; a
 * restore needs write permission and is attributed to the person restoring.
 */
import * as Y from 'yjs';
import {
  canEditContent,
  perspectiveOf,
  type AuthorshipResponse,
  type CompareResponse,
  type ContributionsResponse,
  type Contributor,
  type HistoryResponse,
  type RestoreResponse,
  type VersionResponse,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { Store } from '../storage/store';
import type { RoomManager } from '../sync/roomManager';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { figuresByMember, groupSessions, sumByPerspective } from './contributions';
import { DocumentIndexCache } from './documentIndex';
import { compareWithNow, restoreUpdate, stateAt } from './history';
import { rootKinds } from './rootKinds';

/** Counts from another capability (comments, decision positions...) per member id. */
export interface ContributionSource {
  name: string;
  countsFor(documentId: string): Promise<Map<string, number>>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class AttributionService {
  private readonly indexes: DocumentIndexCache;
  private readonly sources: ContributionSource[] = [];

  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
    private readonly rooms: RoomManager,
  ) {
    this.indexes = new DocumentIndexCache(store);
  }

  addSource(source: ContributionSource): void {
    this.sources.push(source);
  }

  async authorship(userId: string, documentId: string): Promise<AuthorshipResponse> {
    const access = await this.requireAccess(userId, documentId);
    const bindings = await this.store.listClientBindings(documentId);
    const people = await this.contributors(access.document.workspaceId, new Set(bindings.map((b) => b.memberId)));
    return {
      documentId,
      seq: await this.store.latestSeq(documentId),
      clients: bindings.map((b) => ({ clientId: b.clientId, userId: b.memberId })),
      people: [...people.values()],
    };
  }

  async contributions(userId: string, documentId: string): Promise<ContributionsResponse> {
    const access = await this.requireAccess(userId, documentId);
    const index = await this.indexes.get(documentId);
    const figures = figuresByMember(index);
    const others = await Promise.all(this.sources.map(async (s) => [s.name, await s.countsFor(documentId)] as const));
    const memberIds = new Set([...figures.keys(), ...others.flatMap(([, counts]) => [...counts.keys()])]);
    const people = await this.contributors(access.document.workspaceId, memberIds);
    const totalCurrent = [...figures.values()].reduce((sum, f) => sum + f.currentChars, 0);
    const share = (chars: number) => (totalCurrent === 0 ? 0 : chars / totalCurrent);
    const rows = [...memberIds].map((id) => {
      const f = figures.get(id) ?? { currentChars: 0, insertedChars: 0, deletedChars: 0, updates: 0, sessions: 0 };
      const other = Object.fromEntries(others.map(([name, counts]) => [name, counts.get(id) ?? 0]));
      return { ...(people.get(id) as Contributor), ...f, share: share(f.currentChars), other };
    });
    rows.sort((a, b) => b.currentChars - a.currentChars || a.displayName.localeCompare(b.displayName));
    const perspectives = [...sumByPerspective(rows)].map(([perspective, sum]) => ({ perspective, ...sum, share: share(sum.currentChars) }));
    return {
      documentId,
      seq: index.seq,
      totals: {
        currentChars: totalCurrent,
        insertedChars: rows.reduce((sum, r) => sum + r.insertedChars, 0),
        deletedChars: rows.reduce((sum, r) => sum + r.deletedChars, 0),
        updates: index.log.length,
        sessions: groupSessions(index.log).length,
      },
      people: rows,
      perspectives,
    };
  }

  async history(userId: string, documentId: string): Promise<HistoryResponse> {
    const access = await this.requireAccess(userId, documentId);
    const index = await this.indexes.get(documentId);
    const sessions = groupSessions(index.log);
    const people = await this.contributors(access.document.workspaceId, new Set(index.log.map((e) => e.memberId)));
    return {
      documentId,
      seq: index.seq,
      sessions: sessions.reverse().map((s) => ({
        fromSeq: s.fromSeq,
        toSeq: s.toSeq,
        startedAt: iso(s.startedAt),
        endedAt: iso(s.endedAt),
        people: [...s.updatesByMember].map(([id, updates]) => ({ userId: id, displayName: people.get(id)?.displayName ?? '', updates })),
      })),
    };
  }

  async version(userId: string, documentId: string, seq: number): Promise<VersionResponse> {
    await this.requireAccess(userId, documentId);
    const updates = await this.store.readUpdates(documentId, 1, seq);
    if (seq > 0 && updates.at(-1)?.seq !== seq) throw notFound('This version');
    return { documentId, seq, at: updates.length > 0 ? iso((updates.at(-1) as { time: number }).time) : null, state: Buffer.from(stateAt(updates, seq)).toString('base64') };
  }

  async compare(userId: string, documentId: string, seq: number): Promise<CompareResponse> {
    const access = await this.requireAccess(userId, documentId);
    const index = await this.indexes.get(documentId);
    if (seq > index.seq) throw notFound('This version');
    const segments = compareWithNow(index, seq);
    const ids = new Set(segments.map((s) => s.userId).filter((id): id is string => id !== null));
    const people = await this.contributors(access.document.workspaceId, ids);
    return { documentId, fromSeq: seq, toSeq: index.seq, segments, people: [...people.values()] };
  }

  async restore(userId: string, documentId: string, seq: number): Promise<RestoreResponse> {
    const access = await this.requireAccess(userId, documentId);
    if (!canEditContent(access.permission)) throw new AppError('forbidden', 'Only owners and editors can restore an earlier version.');
    const index = await this.indexes.get(documentId);
    if (seq > index.seq) throw notFound('This version');
    const updates = await this.store.readUpdates(documentId, 1);
    const change = restoreUpdate(updates, seq, rootKinds(index.doc));
    if (!change) return { documentId, restoredFrom: seq, seq: index.seq };
    const newSeq = await this.rooms.submit(documentId, userId, change);
    return { documentId, restoredFrom: seq, seq: newSeq };
  }

  private async requireAccess(userId: string, documentId: string) {
    const access = await this.workspaces.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    return access;
  }

  /** Names and roles of people, including those who have left the workspace since. */
  private async contributors(workspaceId: string, ids: Set<string>): Promise<Map<string, Contributor>> {
    const result = new Map<string, Contributor>();
    for (const id of ids) {
      const [user, membership] = await Promise.all([this.store.getUser(id), this.store.getMembership(workspaceId, id)]);
      result.set(id, {
        userId: id,
        displayName: user?.displayName ?? '',
        color: user?.color ?? '#595959',
        role: membership?.role ?? null,
        perspective: membership ? perspectiveOf(membership.role) : null,
      });
    }
    return result;
  }
}
