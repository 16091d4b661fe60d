/**
 * Everything an archive must pass before anything is written (ADR 0007): every reference
 * resolves inside the archive, every document's update log replays completely within the size
 * limit, and every decision and sign-off chain recomputes to the hashes it carries. The first
 * failure is reported in plain words, naming the document; nothing is created.
 */
import * as Y from 'yjs';
import type { ArchiveDocument, WorkspaceArchive } from '../../../shared/src/index';
import type { DecisionEntryRecord } from '../decisions/decisionStore';
import { verifyChain } from '../decisions/hashChain';
import { verifySignoffChain } from '../documents/signoffChain';
import { AppError } from '../errors';

const REFUSED = 'Nothing was imported.';

export function refuse(message: string): AppError {
  return new AppError('validation_failed', `${message} ${REFUSED}`);
}

export function checkArchive(archive: WorkspaceArchive, maxDocumentBytes: number): void {
  const members = unique(archive.members.map((m) => m.id), 'member');
  const isMember = (id: string, where: string) => {
    if (!members.has(id)) throw refuse(`${where} refers to a person who is not in the archive's member list.`);
  };
  const documentIds = unique(archive.documents.map((d) => d.id), 'document');
  for (const document of archive.documents) checkDocument(document, isMember, maxDocumentBytes);
  for (const w of archive.workshops) {
    const where = `Workshop “${w.title}”`;
    const steps = unique(w.steps.map((s) => s.id), 'workshop step');
    const columns = unique(w.columns.map((c) => c.id), 'workshop column');
    const themes = unique(w.themes.map((t) => t.id), 'workshop theme');
    const cards = unique(w.cards.map((c) => c.id), 'workshop idea');
    if (!steps.has(w.currentStepId)) throw refuse(`${where}: its current step is not one of its steps.`);
    if (w.summaryDocumentId !== null && !documentIds.has(w.summaryDocumentId)) throw refuse(`${where}: its summary document is not in the archive.`);
    for (const id of [w.createdBy, ...w.facilitatorIds, ...w.votes.map((v) => v.voterId), ...w.checkins.map((c) => c.userId), ...w.outcomes.map((o) => o.createdBy)]) isMember(id, where);
    for (const card of w.cards) {
      isMember(card.authorId, where);
      if (!columns.has(card.columnId) || (card.themeId !== null && !themes.has(card.themeId))) throw refuse(`${where}: an idea refers to a column or theme the workshop does not have.`);
    }
    if (w.votes.some((v) => !cards.has(v.cardId))) throw refuse(`${where}: a vote refers to an idea the workshop does not have.`);
  }
}

function unique(ids: string[], what: string): Set<string> {
  const set = new Set(ids);
  if (set.size !== ids.length) throw refuse(`The archive lists the same ${what} twice.`);
  return set;
}

function checkDocument(d: ArchiveDocument, isMember: (id: string, where: string) => void, maxDocumentBytes: number): void {
  const where = `Document “${d.title}”`;
  d.updates.forEach((u, i) => {
    if (u.seq !== i + 1) throw refuse(`${where}: its history is incomplete (change ${i + 1} is missing).`);
    isMember(u.memberId, where);
  });
  const clients = new Set<number>();
  for (const b of d.bindings) {
    isMember(b.memberId, where);
    if (clients.has(b.clientId)) throw refuse(`${where}: an editing session is attributed to two people.`);
    clients.add(b.clientId);
  }
  replays(d, where, maxDocumentBytes);

  const entries: DecisionEntryRecord[] = d.decisionEntries;
  if (entries.some((e) => e.documentId !== d.id)) throw refuse(`${where}: its decision record contains an entry of another document.`);
  entries.forEach((e) => isMember(e.authorId, where));
  const chain = verifyChain(entries);
  if (!chain.ok) {
    const at = chain.brokenAt;
    throw refuse(
      `${where}: the decision record does not verify (entry ${at?.seq ?? '?'}: ${at?.reason ?? 'broken'}). The archive was changed after it was exported, or is damaged.`,
    );
  }
  if (d.signoffEntries.some((e) => e.documentId !== d.id)) throw refuse(`${where}: its sign-offs contain an entry of another document.`);
  const signoffs = verifySignoffChain(d.signoffEntries);
  if (!signoffs.ok) throw refuse(`${where}: the sign-off record does not verify (entry ${signoffs.brokenAt ?? '?'}). The archive was changed after it was exported, or is damaged.`);
  const versions = new Set(d.namedVersions.map((v) => v.id));
  for (const v of d.namedVersions) {
    isMember(v.createdBy, where);
    if (v.seq > d.updates.length) throw refuse(`${where}: a named version points after the end of its history.`);
  }
  for (const e of d.signoffEntries) {
    isMember(e.actorId, where);
    if (!versions.has(e.versionId)) throw refuse(`${where}: a sign-off refers to a version that is not in the archive.`);
  }

  const comments = new Set(d.comments.map((c) => c.id));
  const rounds = new Set(d.reviewRounds.map((r) => r.id));
  for (const c of d.comments) {
    isMember(c.authorId, where);
    c.mentions.forEach((id) => isMember(id, where));
    c.events.forEach((e) => isMember(e.actorId, where));
    if (!comments.has(c.threadId) || (c.parentId !== null && !comments.has(c.parentId))) throw refuse(`${where}: a comment answers a thread that is not in the archive.`);
    if (c.roundId !== null && !rounds.has(c.roundId)) throw refuse(`${where}: a comment refers to a review round that is not in the archive.`);
  }
  for (const r of d.reviewRounds) {
    for (const id of [r.openedBy, r.closedBy, ...r.assignments.map((a) => a.userId)]) if (id !== null) isMember(id, where);
  }
  d.accessList.forEach((a) => isMember(a.userId, where));
}

/** The whole log must apply, leaving nothing waiting for a missing change, within the size limit. */
function replays(d: ArchiveDocument, where: string, maxDocumentBytes: number): void {
  const doc = new Y.Doc();
  try {
    for (const [i, u] of d.updates.entries()) {
      try {
        Y.applyUpdate(doc, Buffer.from(u.data, 'base64'));
      } catch {
        throw refuse(`${where}: change ${i + 1} of its history is not readable.`);
      }
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw refuse(`${where}: its history is incomplete (some changes depend on changes missing from the archive).`);
    if (Y.encodeStateAsUpdate(doc).byteLength > maxDocumentBytes) throw refuse(`${where} is larger than this installation accepts (${maxDocumentBytes} bytes).`);
  } finally {
    doc.destroy();
  }
}
