/**
 * "My data": everything Ensemble holds about the caller (GDPR art. 15 and 20, Law 25 s. 27),
 * and nothing private about anyone else. What is included, and why the text of a document is
 * given only while the caller can still open it, is explained in docs/privacy.md.
 */
import { perspectiveOf, type MyData } from '../../../shared/src/index';
import { figuresByMember, emptyFigures } from '../attribution/contributions';
import { DocumentIndex } from '../attribution/documentIndex';
import type { Store, UserRecord } from '../storage/store';
import type { Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { mayReadAccessLog, type AccessLogService } from './accessLog';
import type { PrivacyStore } from './privacyStore';
import { textWrittenBy } from './writtenText';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const LIMIT = 5000;

export class MyDataService {
  constructor(
    private readonly store: Store,
    private readonly privacy: PrivacyStore,
    private readonly workspaces: WorkspaceService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  async collect(user: UserRecord): Promise<MyData> {
    return {
      format: 'ensemble-my-data/1',
      generatedAt: iso(this.clock.now()),
      profile: {
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        color: user.color,
        language: user.language,
        createdAt: iso(user.createdAt),
        hasPassword: user.passwordHash !== null,
      },
      sessions: (await this.privacy.sessionsOf(user.id)).map((s) => ({
        createdAt: iso(s.createdAt),
        expiresAt: iso(s.expiresAt),
        lastUsedAt: isoOrNull(s.lastUsedAt),
        sharedDevice: s.sharedDevice,
      })),
      memberships: await this.memberships(user.id),
      contributions: await this.contributions(user.id),
      decisionEntries: await this.decisionEntries(user.id),
      comments: await this.comments(user.id),
      auditEvents: (await this.privacy.auditAbout(user.id, LIMIT)).map((e) => {
        const you = e.subjectId === user.id ? (e.actorId === user.id ? 'actor-and-subject' : 'subject') : 'actor';
        // Where the caller only acted on someone else, the details describe that other person.
        return { workspaceId: e.workspaceId, kind: e.kind, you, at: iso(e.at), details: you === 'actor' ? null : e.details };
      }),
      documentsYouOpened: (await this.privacy.openingsBy(user.id, LIMIT)).map((o) => ({ documentId: o.documentId, role: o.role, via: o.via, at: iso(o.at) })),
      openingsOfYourCareDocuments: await this.openingsOfCareDocuments(user.id),
      ...(await this.workshopActivity(user.id)),
      documentVisits: (await this.privacy.visitsOf(user.id)).map((v) => ({ documentId: v.documentId, lastSeenAt: iso(v.seenAt) })),
    };
  }

  private async memberships(userId: string): Promise<MyData['memberships']> {
    const result: MyData['memberships'] = [];
    for (const w of await this.store.listWorkspacesOf(userId)) {
      const me = (await this.store.listMembers(w.id)).find((m) => m.userId === userId);
      const m = w.membership;
      result.push({
        workspaceId: w.id,
        workspaceName: w.name,
        role: m.role,
        perspective: perspectiveOf(m.role),
        permission: m.permission,
        joinedAt: iso(m.createdAt),
        lastSeenAt: isoOrNull(me?.lastSeenAt ?? null),
      });
    }
    return result;
  }

  private async contributions(userId: string): Promise<MyData['contributions']> {
    const result: MyData['contributions'] = [];
    for (const documentId of await this.privacy.documentsWrittenBy(userId)) {
      const access = await this.workspaces.documentAccess(userId, documentId);
      const index = new DocumentIndex(documentId);
      try {
        await index.advance(this.store);
        const figures = figuresByMember(index).get(userId) ?? emptyFigures();
        result.push({
          documentId,
          title: access ? access.document.title : null,
          canOpen: access !== null,
          updates: index.log.filter((e) => e.memberId === userId).length,
          sessions: figures.sessions,
          currentChars: figures.currentChars,
          insertedChars: figures.insertedChars,
          deletedChars: figures.deletedChars,
          textYouWrote: access ? textWrittenBy(index, userId) : null,
        });
      } finally {
        index.doc.destroy();
      }
    }
    return result;
  }

  /** Whether the caller can open each document now, asked once per document. */
  private opener(userId: string): (documentId: string) => Promise<boolean> {
    const known = new Map<string, boolean>();
    return async (documentId) => {
      if (!known.has(documentId)) known.set(documentId, (await this.workspaces.documentAccess(userId, documentId)) !== null);
      return known.get(documentId) as boolean;
    };
  }

  private async comments(userId: string): Promise<MyData['comments']> {
    const canOpen = this.opener(userId);
    const result: MyData['comments'] = [];
    for (const c of await this.privacy.commentsBy(userId)) {
      const open = await canOpen(c.documentId);
      result.push({ commentId: c.id, documentId: c.documentId, threadId: c.threadId, isReply: c.isReply, role: c.authorRole, at: iso(c.createdAt), body: open ? c.body : null });
    }
    return result;
  }

  private async decisionEntries(userId: string): Promise<MyData['decisionEntries']> {
    const canOpen = this.opener(userId);
    const result: MyData['decisionEntries'] = [];
    for (const e of await this.privacy.decisionEntriesBy(userId)) {
      const open = await canOpen(e.documentId);
      result.push({
        entryId: e.id,
        documentId: e.documentId,
        decisionId: e.decisionId,
        kind: e.kind,
        role: e.authorRole,
        at: iso(e.createdAt),
        payload: open ? (JSON.parse(e.payload) as unknown) : null,
      });
    }
    return result;
  }

  /** Ideas keep their text only while the caller is in the workspace, like comments and documents. */
  private async workshopActivity(userId: string): Promise<Pick<MyData, 'workshopIdeas' | 'workshopVotes' | 'workshopCheckins'>> {
    const activity = await this.privacy.workshopActivityOf(userId);
    const memberOf = new Set((await this.store.listMembershipsOf(userId)).map((m) => m.workspaceId));
    return {
      workshopIdeas: activity.ideas.map((i) => ({ workshopId: i.workshopId, cardId: i.cardId, role: i.role, at: iso(i.createdAt), text: memberOf.has(i.workspaceId) ? i.text : null })),
      workshopVotes: activity.votes,
      workshopCheckins: activity.checkins.map((c) => ({ workshopId: c.workshopId, phase: c.phase, mood: c.mood, word: c.word, at: iso(c.at) })),
    };
  }

  /** The access log of the workspaces where the caller is the person receiving care, minus their own openings. */
  private async openingsOfCareDocuments(userId: string): Promise<MyData['openingsOfYourCareDocuments']> {
    const entries: MyData['openingsOfYourCareDocuments'] = [];
    for (const m of await this.store.listMembershipsOf(userId)) {
      if (m.role !== 'person' || !mayReadAccessLog({ membership: m })) continue;
      const records = (await this.privacy.listWorkspaceOpenings(m.workspaceId, LIMIT)).filter((r) => r.userId !== userId);
      const canOpen = new Map<string, boolean>();
      for (const id of new Set(records.map((r) => r.documentId))) canOpen.set(id, (await this.workspaces.documentAccess(userId, id)) !== null);
      const visible = records.filter((r) => canOpen.get(r.documentId));
      entries.push(...(await this.accessLog.named(visible)));
    }
    return entries;
  }
}
