/**
 * Turns a checked archive into the records of a new workspace (ADR 0007). Everything gets a
 * new id, so an archive can be imported beside its source or twice. The decision and sign-off
 * chains were verified as they came; here they are re-linked under the new ids (same entries,
 * same order, same payloads with their ids translated), and the audit event of the import
 * keeps each source chain's head beside the new one.
 */
import type { ArchiveDocument, ArchiveWorkshop, Role, WorkspaceArchive } from '../../../shared/src/index';
import { canonicalJson } from '../decisions/canonicalJson';
import type { DecisionEntryRecord } from '../decisions/decisionStore';
import { GENESIS_HASH, entryHash } from '../decisions/hashChain';
import { SIGNOFF_GENESIS, type SignoffEntryRecord } from '../documents/lifecycleStore';
import { sealSignoff } from '../documents/signoffChain';
import type { UserRecord } from '../storage/store';
import type { WorkshopSnapshot } from '../workshops/workshopStore';
import type { ImportPlan } from './archiveStore';

/** The importer's role in the new workspace (they can change it in People). */
export const IMPORTER_ROLE: Role = 'manager';

export interface ChainProvenance {
  title: string;
  sourceHead: string | null;
  head: string | null;
}

/** Translates source ids to new ones, one new id per source id and kind. */
class IdMap {
  private readonly ids = new Map<string, string>();
  constructor(private readonly newId: () => string) {}
  of(kind: string, id: string): string {
    const key = `${kind}:${id}`;
    let mapped = this.ids.get(key);
    if (!mapped) this.ids.set(key, (mapped = this.newId()));
    return mapped;
  }
  maybe(kind: string, id: string | null): string | null {
    return id === null ? null : this.of(kind, id);
  }
}

export function planImport(
  archive: WorkspaceArchive,
  importer: UserRecord,
  options: { now: number; newId: () => string },
): { plan: ImportPlan; provenance: ChainProvenance[] } {
  const ids = new IdMap(options.newId);
  const user = (id: string) => ids.of('user', id);
  const workspaceId = options.newId();
  const now = options.now;
  const plan: ImportPlan = {
    workspace: { id: workspaceId, name: archive.workspace.name, purpose: archive.workspace.purpose, createdAt: now, createdBy: importer.id },
    users: archive.members.map((m) => ({ id: user(m.id), email: null, displayName: m.displayName, passwordHash: null, color: m.color, language: null, createdAt: now })),
    memberships: [
      { workspaceId, userId: importer.id, role: IMPORTER_ROLE, permission: 'owner', createdAt: now },
      ...archive.members.flatMap((m) => (m.role && m.permission ? [{ workspaceId, userId: user(m.id), role: m.role, permission: m.permission, createdAt: m.joinedAt ?? now }] : [])),
    ],
    documents: [],
    updates: [],
    bindings: [],
    decisionEntries: [],
    comments: [],
    reviewRounds: [],
    namedVersions: [],
    signoffEntries: [],
    workshops: [],
    audit: [],
  };
  const provenance: ChainProvenance[] = [];
  for (const d of archive.documents) {
    const documentId = ids.of('document', d.id);
    plan.documents.push({
      id: documentId,
      workspaceId,
      title: d.title,
      template: d.template,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      archivedAt: d.archivedAt,
      restricted: d.restricted,
      accessList: d.accessList.map((a) => ({ userId: user(a.userId), permission: a.permission })),
    });
    for (const u of d.updates) plan.updates.push({ documentId, seq: u.seq, memberId: user(u.memberId), update: new Uint8Array(Buffer.from(u.data, 'base64')), time: u.time });
    // The seq stored beside a binding is never read back; 0 marks one that came with an import.
    for (const b of d.bindings) plan.bindings.push({ documentId, clientId: b.clientId, memberId: user(b.memberId), seq: 0 });
    const entries = relinkDecisions(d, documentId, ids);
    plan.decisionEntries.push(...entries);
    provenance.push({ title: d.title, sourceHead: d.decisionEntries.at(-1)?.hash ?? null, head: entries.at(-1)?.hash ?? null });
    plan.signoffEntries.push(...relinkSignoffs(d, documentId, ids));
    for (const v of d.namedVersions) {
      plan.namedVersions.push({ id: ids.of('version', v.id), documentId, seq: v.seq, name: v.name, contentHash: v.contentHash, createdBy: user(v.createdBy), createdAt: v.createdAt });
    }
    for (const r of d.reviewRounds) {
      const roundId = ids.of('round', r.id);
      plan.reviewRounds.push({
        round: { ...r, id: roundId, documentId, openedBy: user(r.openedBy), closedBy: ids.maybe('user', r.closedBy), suggestions: r.suggestions },
        assignments: r.assignments.map((a) => ({ roundId, userId: user(a.userId), doneAt: a.doneAt, note: a.note })),
      });
    }
    for (const c of d.comments) {
      plan.comments.push({
        comment: {
          id: ids.of('comment', c.id),
          documentId,
          threadId: ids.of('comment', c.threadId),
          parentId: ids.maybe('comment', c.parentId),
          authorId: user(c.authorId),
          authorRole: c.authorRole,
          anchor: c.anchor,
          mentions: c.mentions.map(user),
          roundId: ids.maybe('round', c.roundId),
          createdAt: c.createdAt,
        },
        events: c.events.map((e) => ({ kind: e.kind, actorId: user(e.actorId), body: e.body, at: e.at })),
      });
    }
  }
  for (const w of archive.workshops) plan.workshops.push(workshopSnapshot(w, workspaceId, ids));
  return { plan, provenance };
}

/** Same entries, same order; new ids (and the ids inside payloads) and a new chain of hashes. */
function relinkDecisions(d: ArchiveDocument, documentId: string, ids: IdMap): DecisionEntryRecord[] {
  let prevHash = GENESIS_HASH;
  return d.decisionEntries.map((e) => {
    const payload = JSON.parse(e.payload) as Record<string, unknown>;
    if (Array.isArray(payload.participants)) payload.participants = payload.participants.map((id) => (typeof id === 'string' ? ids.of('user', id) : id));
    if (typeof payload.corrects === 'string') payload.corrects = ids.of('entry', payload.corrects);
    const unhashed = {
      id: ids.of('entry', e.id),
      documentId,
      decisionId: ids.of('decision', e.decisionId),
      seq: e.seq,
      kind: e.kind,
      authorId: ids.of('user', e.authorId),
      authorRole: e.authorRole,
      payload: canonicalJson(payload),
      prevHash,
      createdAt: e.createdAt,
    };
    const record = { ...unhashed, hash: entryHash(unhashed) };
    prevHash = record.hash;
    return record;
  });
}

function relinkSignoffs(d: ArchiveDocument, documentId: string, ids: IdMap): SignoffEntryRecord[] {
  let prevHash = SIGNOFF_GENESIS;
  return d.signoffEntries.map((e) => {
    const payload = JSON.parse(e.payload) as Record<string, unknown>;
    if (Array.isArray(payload.signers)) payload.signers = payload.signers.map((id) => (typeof id === 'string' ? ids.of('user', id) : id));
    const unsealed = {
      id: ids.of('signoff', e.id),
      documentId,
      seq: e.seq,
      versionId: ids.of('version', e.versionId),
      kind: e.kind,
      actorId: ids.of('user', e.actorId),
      payload: canonicalJson(payload),
      prevHash,
      createdAt: e.createdAt,
    };
    const record = { ...unsealed, hash: sealSignoff(unsealed) };
    prevHash = record.hash;
    return record;
  });
}

/** A workshop as it stood, with its timer stopped and no hand raised (those are live state). */
function workshopSnapshot(w: ArchiveWorkshop, workspaceId: string, ids: IdMap): WorkshopSnapshot {
  const user = (id: string) => ids.of('user', id);
  const theme = (id: string | null) => ids.maybe('theme', id);
  return {
    workshop: {
      id: ids.of('workshop', w.id),
      workspaceId,
      title: w.title,
      language: w.language,
      votesPerPerson: w.votesPerPerson,
      allowAuthorshipReveal: w.allowAuthorshipReveal,
      status: w.status,
      currentStepId: ids.of('step', w.currentStepId),
      timer: { durationMs: 0, deadlineAt: null, pausedRemainingMs: null },
      authorshipRevealed: w.authorshipRevealed,
      votesRevealed: w.votesRevealed,
      summaryDocumentId: ids.maybe('document', w.summaryDocumentId),
      revision: 0,
      createdBy: user(w.createdBy),
      createdAt: w.createdAt,
    },
    facilitatorIds: w.facilitatorIds.map(user),
    steps: w.steps.map((s) => ({ ...s, id: ids.of('step', s.id) })),
    columns: w.columns.map((c) => ({ ...c, id: ids.of('column', c.id) })),
    themes: w.themes.map((t) => ({ ...t, id: ids.of('theme', t.id) })),
    cards: w.cards.map((c) => ({ ...c, id: ids.of('card', c.id), columnId: ids.of('column', c.columnId), authorId: user(c.authorId), themeId: theme(c.themeId) })),
    votes: w.votes.map((v) => ({ ...v, cardId: ids.of('card', v.cardId), voterId: user(v.voterId) })),
    hands: [],
    checkins: w.checkins.map((c) => ({ ...c, userId: user(c.userId) })),
    outcomes: w.outcomes.map((o) => ({ ...o, id: ids.of('outcome', o.id), createdBy: user(o.createdBy) })),
  };
}
