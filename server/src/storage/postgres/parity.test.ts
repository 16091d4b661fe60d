/**
 * The capability stores without a contract suite of their own (lifecycle, privacy and erasure,
 * workshops, archive import) are checked by parity: the same scripted operations run on SQLite
 * and on PostgreSQL must give exactly the same results. Reads go through freshly opened stores,
 * so what is compared is what was stored, not what a store remembers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { ImportPlan } from '../../archive/archiveStore';
import type { WorkshopSnapshot } from '../../workshops/workshopStore';
import { describeWithPostgres, usePostgres } from '../../../test/support/postgres';
import { openStorage, type Storage } from '../storage';
import type { AuditKind } from '../store';
import { openPostgresStorage } from './postgresStorage';

type Open = () => Promise<Storage>;

async function sqlite(): Promise<Open> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-parity-'));
  return () => openStorage({ dataDir, durability: 'normal', databaseUrl: null, databasePoolSize: 1 });
}

const audit = (kind: AuditKind, at: number) => ({ workspaceId: 'w1', kind, actorId: 'u1', subjectId: null, details: { at }, at });

async function seed(s: Storage): Promise<void> {
  for (const id of ['u1', 'u2', 'u3']) {
    await s.store.createUser({ id, email: `${id}@example.org`, displayName: id.toUpperCase(), passwordHash: 'h', color: '#000000', language: 'fr', createdAt: 1 });
  }
  await s.store.createWorkspace(
    { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
    { workspaceId: 'w1', userId: 'u1', role: 'clinician', permission: 'owner', createdAt: 1 },
  );
  await s.store.createInvitation(
    { id: 'i1', workspaceId: 'w1', tokenHash: 't1', codeHash: 'c1', role: 'caregiver', permission: 'editor', maxUses: null, uses: 0, expiresAt: 1e12, revokedAt: null, createdBy: 'u1', createdAt: 2 },
    { workspaceId: 'w1', kind: 'invited', actorId: 'u1', subjectId: null, details: {}, at: 2 },
  );
  await s.store.acceptInvitation('i1', 'u2', null, 3);
  for (const id of ['d1', 'd2']) await s.store.createDocument({ id, workspaceId: 'w1', title: id, template: null, createdAt: 1, updatedAt: 1 });
  await s.store.appendUpdates([
    { documentId: 'd1', memberId: 'u1', update: new Uint8Array([1]), time: 10, bindClients: [4_294_967_000] },
    { documentId: 'd1', memberId: 'u2', update: new Uint8Array([2]), time: 11, bindClients: [7] },
    { documentId: 'd2', memberId: 'u2', update: new Uint8Array([3]), time: 12 },
  ]);
  await s.store.createSession({ tokenHash: 's1', userId: 'u2', createdAt: 5, expiresAt: 50, idleTimeoutMs: 600_000 });
}

async function lifecycleScenario(open: Open): Promise<unknown[]> {
  const s = await open();
  await seed(s);
  const out: unknown[] = [];
  await s.lifecycle.updateDocument('d1', { title: 'Projet de vie' }, audit('document_renamed', 20));
  await s.lifecycle.updateDocument('d2', { trashedAt: 30 }, audit('document_trashed', 30));
  await s.lifecycle.setAccessList('d1', true, [{ userId: 'u2', permission: 'commenter' }, { userId: 'u1', permission: 'owner' }], audit('document_access_changed', 31));
  await s.lifecycle.createNamedVersion({ id: 'v1', documentId: 'd1', seq: 1, name: 'Première', contentHash: 'h1', createdBy: 'u1', createdAt: 40 });
  await s.lifecycle.createNamedVersion({ id: 'v2', documentId: 'd1', seq: 2, name: 'Deuxième', contentHash: 'h2', createdBy: 'u2', createdAt: 41 });
  const seal = (u: object) => JSON.stringify(u).length.toString(16);
  out.push(await s.lifecycle.appendSignoff({ id: 'so1', documentId: 'd1', versionId: 'v1', kind: 'requested', actorId: 'u1', payload: '{}', createdAt: 42 }, seal));
  out.push(await s.lifecycle.appendSignoff({ id: 'so2', documentId: 'd1', versionId: 'v1', kind: 'approved', actorId: 'u2', payload: '{"a":1}', createdAt: 43 }, seal));
  await s.lifecycle.createRecoveryLink({ tokenHash: 'r1', workspaceId: 'w1', purpose: 'recovery', userId: 'u2', createdBy: 'u1', expiresAt: 100, usedAt: null, createdAt: 44 }, audit('recovery_issued', 44));
  await s.lifecycle.createRecoveryLink({ tokenHash: 'r2', workspaceId: null, purpose: 'password_reset', userId: 'u3', createdBy: 'u3', expiresAt: 100, usedAt: null, createdAt: 45 }, null);
  out.push(await s.lifecycle.findRecoveryLink('r2', 50), await s.lifecycle.findRecoveryLink('r2', 100), await s.lifecycle.findRecoveryLink('nope', 50));
  out.push(await s.lifecycle.useRecoveryLink('r1', 60), await s.lifecycle.useRecoveryLink('r1', 61), await s.lifecycle.findRecoveryLink('r1', 62));
  // r1 was used at 60, r2 expires at 100: spent before 62 is r1 alone, before 101 r2 too.
  out.push(await s.lifecycle.deleteSpentRecoveryLinks(62), await s.lifecycle.findRecoveryLink('r2', 70), await s.lifecycle.deleteSpentRecoveryLinks(101));
  await s.store.close();

  const r = await open();
  out.push(await r.lifecycle.listTrash('w1'), await r.lifecycle.trashedBefore(31), await r.lifecycle.trashedBefore(30));
  out.push(await r.lifecycle.accessList('d1'), await r.store.getDocument('d1'), await r.store.getDocument('d2'));
  out.push(await r.lifecycle.listNamedVersions('d1'), await r.lifecycle.getNamedVersion('v2'), await r.lifecycle.getNamedVersion('nope'));
  out.push(await r.lifecycle.listSignoffs('d1'), await r.store.listClientBindings('d1'));
  await r.lifecycle.purgeContent('d1', 70, audit('document_purged', 70));
  out.push(await r.store.readUpdates('d1', 1), await r.store.latestSeq('d1'), await r.lifecycle.accessList('d1'), await r.lifecycle.listNamedVersions('d1'));
  out.push(await r.store.getDocument('d1'), (await r.store.listAudit('w1', 50)).map(({ id: _id, ...e }) => e));
  await r.store.close();
  return out;
}

async function privacyScenario(open: Open): Promise<unknown[]> {
  const s = await open();
  await seed(s);
  const out: unknown[] = [];
  for (const [i, via] of (['live', 'details', 'export'] as const).entries()) {
    await s.privacy.recordOpening({ documentId: i === 2 ? 'd2' : 'd1', userId: 'u2', role: 'caregiver', permission: 'editor', via, at: 100 + i });
  }
  await s.decisions.append('d1', 'k1', () => ({ id: 'e1', kind: 'created', authorId: 'u2', authorRole: 'caregiver', payload: { title: 'T' }, createdAt: 110 }));
  await s.comments.create({ id: 'c1', documentId: 'd1', threadId: 'c1', parentId: null, authorId: 'u2', authorRole: 'caregiver', anchor: null, mentions: [], roundId: null, createdAt: 120 }, 'v1');
  await s.comments.append('c1', () => ({ kind: 'body', actorId: 'u2', body: 'v2', at: 121 }));
  out.push((await s.privacy.listOpenings('d1', 10)).map(({ id: _id, ...o }) => o), (await s.privacy.listWorkspaceOpenings('w1', 2)).map((o) => o.via));
  out.push((await s.privacy.openingsBy('u2', 10)).map((o) => o.at), (await s.privacy.documentsWrittenBy('u2')).sort(), await s.privacy.decisionEntriesBy('u2'));
  out.push(await s.privacy.commentsBy('u2'), (await s.privacy.auditAbout('u2', 10)).map(({ id: _id, ...e }) => e), await s.privacy.sessionsOf('u2'));
  out.push(await s.privacy.setRetention('w1', { closedAt: 1_000, retentionDays: 30 }, [audit('retention_changed', 130)]), await s.privacy.getRetention('nope'));
  out.push(await s.privacy.expiredWorkspaces(1_000 + 30 * 86_400_000 - 1), await s.privacy.expiredWorkspaces(1_000 + 30 * 86_400_000));
  await s.workshops.create(workshop());
  await s.workshops.apply('ws1', () => ({
    value: null,
    mutations: [
      { kind: 'addCard', card: { id: 'k1', columnId: 'col1', authorId: 'u2', authorRole: 'caregiver', text: 'Idée', themeId: null, revealedAt: null, createdAt: 125 } },
      { kind: 'setVote', vote: { cardId: 'k1', voterId: 'u2', voterRole: 'caregiver', dots: 2 } },
      { kind: 'setHand', userId: 'u2', raisedAt: 126 },
      { kind: 'setCheckin', checkin: { userId: 'u2', phase: 'in', mood: 'low', word: 'fatiguée', at: 127 } },
    ],
  }));
  await s.visits.recordVisit('d1', 'u2', 128);
  out.push(await s.privacy.workshopActivityOf('u2'), await s.privacy.visitsOf('u2'));
  const pseudonym = (n: number, roles: string[]) => `Personne ${n} (${roles.join(', ')})`;
  out.push(await s.privacy.erase('u1', pseudonym, 140), await s.privacy.erase('u2', pseudonym, 141), await s.privacy.erase('u2', pseudonym, 142), await s.privacy.erase('nope', pseudonym, 143));
  await s.privacy.ping();
  await s.store.close();

  const r = await open();
  out.push(await r.store.getUser('u2'), await r.store.findSession('s1'), await r.store.listMembers('w1'));
  out.push(await r.privacy.workshopActivityOf('u2'), await r.privacy.visitsOf('u2'), await r.workshops.load('ws1'));
  out.push(await r.privacy.deleteWorkspace('w1'), await r.store.getWorkspace('w1'), await r.decisions.listDocumentEntries('d1'), await r.store.getDocument('d1'));
  await r.store.close();
  return out;
}

const workshop = (): WorkshopSnapshot => ({
  workshop: {
    id: 'ws1', workspaceId: 'w1', title: 'Atelier', language: 'fr', votesPerPerson: 3, allowAuthorshipReveal: true, status: 'open', currentStepId: 'st1',
    timer: { durationMs: 300_000, deadlineAt: null, pausedRemainingMs: null }, authorshipRevealed: false, votesRevealed: false, summaryDocumentId: 'd2',
    revision: 0, createdBy: 'u1', createdAt: 200,
  },
  facilitatorIds: ['u1'],
  steps: [{ id: 'st1', kind: 'ideas', title: 'Idées', durationMs: 300_000 }, { id: 'st2', kind: 'voting', title: 'Vote', durationMs: 120_000 }],
  columns: [{ id: 'col1', prompt: 'Ce qui marche' }],
  themes: [], cards: [], votes: [], hands: [], checkins: [], outcomes: [],
});

async function workshopScenario(open: Open): Promise<unknown[]> {
  const s = await open();
  await seed(s);
  const out: unknown[] = [];
  await s.workshops.create(workshop());
  const card = (id: string, authorId: string, createdAt: number) => ({ id, columnId: 'col1', authorId, authorRole: 'caregiver' as const, text: `Idée ${id}`, themeId: null, revealedAt: null, createdAt });
  out.push(await s.workshops.apply('ws1', () => ({ value: 'cards', mutations: [{ kind: 'addCard', card: card('k2', 'u2', 210) }, { kind: 'addCard', card: card('k1', 'u1', 210) }] })));
  out.push(await s.workshops.apply('ws1', (snap) => ({ value: snap.cards.map((c) => c.id), mutations: [] })));
  await expect(s.workshops.apply('ws1', () => { throw new Error('refused'); })).rejects.toThrow('refused');
  out.push(await s.workshops.apply('ws1', () => ({
    value: 'many',
    mutations: [
      { kind: 'addColumn', column: { id: 'col2', prompt: 'À changer' } },
      { kind: 'addTheme', theme: { id: 'th1', name: 'Travail', createdAt: 220 } },
      { kind: 'renameTheme', themeId: 'th1', name: 'Emploi' },
      { kind: 'moveCard', cardId: 'k1', themeId: 'th1' },
      { kind: 'revealCards', at: 225 },
      { kind: 'setVote', vote: { cardId: 'k1', voterId: 'u2', voterRole: 'caregiver', dots: 2 } },
      { kind: 'setVote', vote: { cardId: 'k2', voterId: 'u2', voterRole: 'caregiver', dots: 1 } },
      { kind: 'setVote', vote: { cardId: 'k2', voterId: 'u2', voterRole: 'caregiver', dots: 0 } },
      { kind: 'setHand', userId: 'u2', raisedAt: 230 },
      { kind: 'setHand', userId: 'u3', raisedAt: 231 },
      { kind: 'setHand', userId: 'u3', raisedAt: null },
      { kind: 'setCheckin', checkin: { userId: 'u2', phase: 'in', mood: 'good', word: 'prête', at: 232 } },
      { kind: 'setCheckin', checkin: { userId: 'u2', phase: 'in', mood: 'great', word: null, at: 233 } },
      { kind: 'addOutcome', outcome: { id: 'o1', text: 'On essaie', createdBy: 'u1', createdAt: 240 } },
      { kind: 'setFacilitators', userIds: ['u2', 'u1'] },
      { kind: 'update', patch: { votesRevealed: true, timer: { durationMs: 60_000, deadlineAt: 999, pausedRemainingMs: null }, currentStepId: 'st2' } },
    ],
  })));
  await s.store.close();

  const r = await open();
  out.push(await r.workshops.load('ws1'), await r.workshops.load('nope'), await r.workshops.workspaceOf('ws1'), await r.workshops.workspaceOf('nope'));
  out.push(await r.workshops.listForWorkspace('w1'), await r.workshops.cardCountsBySummary('d2'), await r.workshops.apply('nope', () => ({ value: 1, mutations: [] })));
  await r.store.close();
  return out;
}

function plan(): ImportPlan {
  const snap = workshop();
  return {
    workspace: { id: 'w9', name: 'Importé', purpose: 'committee', createdAt: 300, createdBy: 'u1' },
    users: [{ id: 'p1', email: null, displayName: 'Placeholder', passwordHash: null, color: '#111111', language: null, createdAt: 300 }],
    memberships: [
      { workspaceId: 'w9', userId: 'u1', role: 'clinician', permission: 'owner', createdAt: 300 },
      { workspaceId: 'w9', userId: 'p1', role: 'caregiver', permission: 'editor', createdAt: 300 },
    ],
    documents: [{ id: 'd9', workspaceId: 'w9', title: 'Doc', template: null, createdAt: 300, updatedAt: 301, archivedAt: null, restricted: true, accessList: [{ userId: 'p1', permission: 'editor' }] }],
    updates: Array.from({ length: 3 }, (_, i) => ({ documentId: 'd9', seq: i + 1, memberId: 'p1', update: new Uint8Array([i]), time: 301 + i })),
    bindings: [{ documentId: 'd9', clientId: 11, memberId: 'p1', seq: 1 }],
    decisionEntries: [{ id: 'de1', documentId: 'd9', decisionId: 'k9', seq: 1, kind: 'created', authorId: 'p1', authorRole: 'caregiver', payload: '{}', prevHash: 'g', hash: 'h', createdAt: 302 }],
    comments: [{ comment: { id: 'c9', documentId: 'd9', threadId: 'c9', parentId: null, authorId: 'p1', authorRole: 'caregiver', anchor: null, mentions: ['u1'], roundId: 'rr9', createdAt: 303 }, events: [{ kind: 'body', actorId: 'p1', body: 'Bonjour', at: 303 }] }],
    reviewRounds: [{ round: { id: 'rr9', documentId: 'd9', title: 'Relecture', questions: ['Clair ?'], dueDate: null, openedBy: 'u1', openedAt: 302, closedBy: null, closedAt: null, summary: null, suggestions: null }, assignments: [{ roundId: 'rr9', userId: 'p1', doneAt: null, note: null }] }],
    namedVersions: [{ id: 'nv9', documentId: 'd9', seq: 2, name: 'V', contentHash: 'x', createdBy: 'u1', createdAt: 304 }],
    signoffEntries: [],
    workshops: [{ ...snap, workshop: { ...snap.workshop, id: 'ws9', workspaceId: 'w9', summaryDocumentId: 'd9' } }],
    audit: [{ workspaceId: 'w9', kind: 'workspace_created', actorId: 'u1', subjectId: 'u1', details: { imported: true }, at: 300 }],
  };
}

async function archiveScenario(open: Open): Promise<unknown[]> {
  const s = await open();
  await seed(s);
  const broken = plan();
  broken.updates.push({ documentId: 'd9', seq: 1, memberId: 'p1', update: new Uint8Array([9]), time: 9 });
  await expect(s.archive.importWorkspace(broken)).rejects.toThrow();
  const out: unknown[] = [await s.store.getWorkspace('w9'), await s.store.getUser('p1')];
  await s.archive.importWorkspace(plan());
  await s.store.close();
  const r = await open();
  out.push(await r.store.getWorkspace('w9'), await r.store.listMembers('w9'), await r.store.getDocument('d9'), await r.store.readUpdates('d9', 1));
  out.push(await r.store.listClientBindings('d9'), await r.decisions.listDocumentEntries('d9'), await r.comments.listDocument('d9'), await r.reviews.listDocument('d9'));
  out.push(await r.lifecycle.listNamedVersions('d9'), await r.lifecycle.accessList('d9'), await r.workshops.load('ws9'), (await r.store.listAudit('w9', 5)).map(({ id: _id, ...e }) => e));
  out.push(await r.store.appendUpdates([{ documentId: 'd9', memberId: 'u1', update: new Uint8Array([7]), time: 400 }]));
  await r.store.close();
  return out;
}

describeWithPostgres('PostgreSQL stores match SQLite', () => {
  const postgres = usePostgres();
  const pgOpen = async (): Promise<Open> => {
    const url = await postgres.createDatabase();
    return () => openPostgresStorage({ url });
  };

  for (const [name, scenario] of [
    ['lifecycle: rename, trash, access lists, named versions, sign-offs, recovery links, purge', lifecycleScenario],
    ['privacy: access log, reads about one person, retention, erasure, workspace deletion', privacyScenario],
    ['workshops: create, apply every mutation, refusals, snapshots read back', workshopScenario],
    ['archive: an import is all or nothing, and reads back through every store', archiveScenario],
  ] as const) {
    it(name, async () => {
      const onSqlite = await scenario(await sqlite());
      const onPostgres = await scenario(await pgOpen());
      expect(onPostgres).toEqual(onSqlite);
      // The scenario really exercised the stores (not two empty results).
      expect(JSON.stringify(onSqlite).length).toBeGreaterThan(500);
    });
  }
});
