/**
 * Builds a workspace archive (ADR 0007) through the stores' ordinary read methods: the update
 * log and client bindings of each document, its decision and sign-off chains exactly as
 * stored, comments with their events, review rounds, named versions, workshops, and everyone
 * these refer to, under their names or under pseudonyms. Emails and credentials never leave.
 * Documents in the trash (and purged ones) stay behind, and so do restricted documents the
 * exporting owner is not allowed to open.
 */
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveDocument,
  type ArchiveMember,
  type ArchiveMemberNames,
  type ArchiveWorkshop,
  type Language,
  type WorkspaceArchive,
} from '../../../shared/src/index';
import type { CommentStore } from '../comments/commentStore';
import type { DecisionStore } from '../decisions/decisionStore';
import type { LifecycleStore } from '../documents/lifecycleStore';
import type { ReviewStore } from '../reviews/reviewStore';
import type { DocumentRecord, Store } from '../storage/store';
import type { WorkshopStore } from '../workshops/workshopStore';
import { archivePseudonym, unknownAuthor } from './archiveNames';
import { GoalNameRewriter } from './goalNameRewrite';

export interface ArchiveSources {
  store: Store;
  decisions: DecisionStore;
  comments: CommentStore;
  reviews: ReviewStore;
  lifecycle: Pick<LifecycleStore, 'accessList' | 'listNamedVersions' | 'listSignoffs'>;
  workshops: Pick<WorkshopStore, 'listForWorkspace' | 'load'>;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export async function buildArchive(
  sources: ArchiveSources,
  workspaceId: string,
  options: {
    memberNames: ArchiveMemberNames;
    language: Language;
    now: number;
    /** Whether the exporting owner may open this document (a restricted one may exclude them). */
    mayExport: (document: DocumentRecord) => Promise<boolean>;
  },
): Promise<WorkspaceArchive> {
  const { store } = sources;
  const workspace = await store.getWorkspace(workspaceId);
  if (!workspace) throw new Error(`no workspace ${workspaceId}`);
  const referenced = new Set<string>();
  const documents: ArchiveDocument[] = [];
  for (const record of await store.listDocuments(workspaceId)) {
    if (record.trashedAt || record.purgedAt || !(await options.mayExport(record))) continue;
    documents.push(await exportDocument(sources, record, referenced));
  }
  const workshops: ArchiveWorkshop[] = [];
  for (const { workshop } of await sources.workshops.listForWorkspace(workspaceId)) {
    const snapshot = await sources.workshops.load(workshop.id);
    if (!snapshot) continue;
    const w = snapshot.workshop;
    workshops.push({
      id: w.id,
      title: w.title,
      language: w.language,
      votesPerPerson: w.votesPerPerson,
      allowAuthorshipReveal: w.allowAuthorshipReveal,
      status: w.status,
      currentStepId: w.currentStepId,
      authorshipRevealed: w.authorshipRevealed,
      votesRevealed: w.votesRevealed,
      // A summary written into a document left behind (in the trash) points nowhere.
      summaryDocumentId: documents.some((d) => d.id === w.summaryDocumentId) ? w.summaryDocumentId : null,
      createdBy: w.createdBy,
      createdAt: w.createdAt,
      facilitatorIds: snapshot.facilitatorIds,
      steps: snapshot.steps,
      columns: snapshot.columns,
      themes: snapshot.themes,
      cards: snapshot.cards,
      votes: snapshot.votes,
      checkins: snapshot.checkins,
      outcomes: snapshot.outcomes,
    });
    for (const id of [w.createdBy, ...snapshot.facilitatorIds, ...snapshot.cards.map((c) => c.authorId), ...snapshot.votes.map((v) => v.voterId)]) referenced.add(id);
    for (const id of [...snapshot.checkins.map((c) => c.userId), ...snapshot.outcomes.map((o) => o.createdBy)]) referenced.add(id);
  }

  const members = await archiveMembers(store, workspaceId, referenced, options);
  if (options.memberNames === 'pseudonyms') pseudonymizeContent(documents, members.list, members.sourceNames, options.language);
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    memberNames: options.memberNames,
    workspace: { name: workspace.name, purpose: workspace.purpose, createdAt: workspace.createdAt },
    members: members.list,
    documents,
    workshops,
  };
}

async function exportDocument(sources: ArchiveSources, record: DocumentRecord, referenced: Set<string>): Promise<ArchiveDocument> {
  const id = record.id;
  const updates = await sources.store.readUpdates(id, 1);
  const bindings = await sources.store.listClientBindings(id);
  const decisionEntries = await sources.decisions.listDocumentEntries(id);
  const { comments, events } = await sources.comments.listDocument(id);
  const rounds = await sources.reviews.listDocument(id);
  const versions = await sources.lifecycle.listNamedVersions(id);
  const signoffs = await sources.lifecycle.listSignoffs(id);
  const accessList = record.restricted ? await sources.lifecycle.accessList(id) : [];
  const add = (...ids: Array<string | null>) => ids.forEach((userId) => userId && referenced.add(userId));
  updates.forEach((u) => add(u.memberId));
  bindings.forEach((b) => add(b.memberId));
  decisionEntries.forEach((e) => add(e.authorId));
  comments.forEach((c) => add(c.authorId, ...c.mentions));
  events.forEach((e) => add(e.actorId));
  rounds.forEach((r) => add(r.round.openedBy, r.round.closedBy, ...r.assignments.map((a) => a.userId)));
  versions.forEach((v) => add(v.createdBy));
  signoffs.forEach((s) => add(s.actorId));
  accessList.forEach((a) => add(a.userId));
  return {
    id,
    title: record.title,
    template: record.template,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archivedAt: record.archivedAt ?? null,
    restricted: record.restricted ?? false,
    accessList,
    updates: updates.map((u) => ({ seq: u.seq, memberId: u.memberId, time: u.time, data: b64(u.update) })),
    bindings: bindings.map((b) => ({ clientId: b.clientId, memberId: b.memberId })),
    decisionEntries,
    comments: comments.map((c) => ({
      id: c.id,
      threadId: c.threadId,
      parentId: c.parentId,
      authorId: c.authorId,
      authorRole: c.authorRole,
      anchor: c.anchor,
      mentions: c.mentions,
      roundId: c.roundId,
      createdAt: c.createdAt,
      events: events.filter((e) => e.commentId === c.id).map((e) => ({ kind: e.kind, actorId: e.actorId, body: e.body, at: e.at })),
    })),
    reviewRounds: rounds.map(({ round, assignments }) => ({
      id: round.id,
      title: round.title,
      questions: round.questions,
      dueDate: round.dueDate,
      openedBy: round.openedBy,
      openedAt: round.openedAt,
      closedBy: round.closedBy,
      closedAt: round.closedAt,
      summary: round.summary,
      suggestions: round.suggestions,
      assignments: assignments.map((a) => ({ userId: a.userId, doneAt: a.doneAt, note: a.note })),
    })),
    namedVersions: versions
      .map((v) => ({ id: v.id, seq: v.seq, name: v.name, contentHash: v.contentHash, createdBy: v.createdBy, createdAt: v.createdAt }))
      .sort((a, b) => a.createdAt - b.createdAt),
    signoffEntries: signoffs,
  };
}

/** Current members first (in the order they joined), then everyone else the content refers to. */
async function archiveMembers(
  store: Store,
  workspaceId: string,
  referenced: Set<string>,
  options: { memberNames: ArchiveMemberNames; language: Language },
): Promise<{ list: ArchiveMember[]; sourceNames: Map<string, string> }> {
  const current = (await store.listMembers(workspaceId)).sort((a, b) => a.createdAt - b.createdAt);
  const list: ArchiveMember[] = current.map((m) => ({
    id: m.userId,
    displayName: m.displayName,
    color: m.color,
    role: m.role,
    permission: m.permission,
    joinedAt: m.createdAt,
  }));
  const known = new Set(list.map((m) => m.id));
  for (const id of referenced) {
    if (known.has(id)) continue;
    const user = await store.getUser(id);
    list.push({ id, displayName: user?.displayName ?? unknownAuthor(options.language), color: user?.color ?? '#555555', role: null, permission: null, joinedAt: null });
    known.add(id);
  }
  // Old name -> name in the archive, to replace names the content carries (goal blocks).
  const sourceNames = new Map<string, string>();
  if (options.memberNames === 'pseudonyms') {
    list.forEach((member, i) => {
      const name = archivePseudonym(i + 1, member.role, options.language);
      sourceNames.set(member.displayName, name);
      member.displayName = name;
    });
  }
  return { list, sourceNames };
}

/** Replaces the names the content itself carries: goal blocks in the update log, suggestion authors in review rounds. */
function pseudonymizeContent(documents: ArchiveDocument[], members: ArchiveMember[], names: Map<string, string>, language: Language): void {
  const byId = new Map(members.map((m) => [m.id, m.displayName]));
  const rename = (value: unknown, authorId: string | null = null) =>
    typeof value === 'string' ? ((authorId ? byId.get(authorId) : undefined) ?? names.get(value) ?? unknownAuthor(language)) : value;
  for (const document of documents) {
    const rewriter = new GoalNameRewriter(rename);
    const bytes = document.updates.map((u) => new Uint8Array(Buffer.from(u.data, 'base64')));
    bytes.forEach((b) => rewriter.learn(b));
    document.updates.forEach((update, i) => {
      const rewritten = rewriter.rewrite(bytes[i]!);
      if (rewritten !== bytes[i]) update.data = b64(rewritten);
    });
    for (const round of document.reviewRounds) {
      if (!round.suggestions) continue;
      round.suggestions = JSON.stringify(renameSuggestionAuthors(JSON.parse(round.suggestions) as unknown, (name) => rename(name)));
    }
  }
}

function renameSuggestionAuthors(value: unknown, rename: (name: unknown) => unknown): unknown {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    if (!item || typeof item !== 'object') return item;
    const author = (item as { author?: { displayName?: unknown } }).author;
    if (!author || typeof author !== 'object') return item;
    return { ...item, author: { ...author, displayName: rename(author.displayName) } };
  });
}
