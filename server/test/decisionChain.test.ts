import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../src/decisions/hashChain';
import { outcome, position, propose, setupTeam, type Team } from './decisionHelpers';
import { api, startTestServer, type TestServer } from './testServer';

let server: TestServer;
let team: Team;
let decisionIds: string[];

/** Five entries: two proposals, two positions, one outcome. The third is the one tampered with. */
beforeEach(async () => {
  server = await startTestServer();
  team = await setupTeam(server);
  const a = await propose(server, team.owner.token, team.owner.documentId, { title: 'Reprise du travail' });
  const b = await propose(server, team.editor.token, team.owner.documentId, { title: 'Séances de kinésithérapie', method: 'majority' });
  await position(server, team.editor.token, a.id, { stance: 'reservations', reason: 'Suivi mensuel | bilan' });
  await position(server, team.commenter.token, a.id, { stance: 'agree' });
  await outcome(server, team.owner.token, a.id, { status: 'adopted', outcome: '=Reprise le 3 mars, "à mi-temps".' });
  decisionIds = [a.id, b.id];
});
afterEach(async () => {
  await server.cleanup();
});

const verify = async () => (await api(server.url, 'GET', `/api/documents/${team.owner.documentId}/decisions/verify`, { token: team.viewer.token })).body;

describe('the decision log', () => {
  it('lists every entry oldest first, each linked to the previous hash, and verifies', async () => {
    const log = await api(server.url, 'GET', `/api/documents/${team.owner.documentId}/decisions`, { token: team.viewer.token });
    expect(log.status).toBe(200);
    const entries = log.body.entries as Array<{ seq: number; kind: string; prevHash: string; hash: string }>;
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([[1, 'created'], [2, 'created'], [3, 'position'], [4, 'position'], [5, 'outcome']]);
    entries.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : entries[i - 1]!.hash));
    expect(log.body.decisions.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [decisionIds[0], 'adopted'],
      [decisionIds[1], 'open'],
    ]);
    expect(log.body.decisions[0]).not.toHaveProperty('history');
    expect(log.body.verification).toEqual({ ok: true, entries: 5, head: entries[4]!.hash });
    expect(await verify()).toEqual(log.body.verification);
  });

  it('detects a change to any stored field, made behind the triggers, at the entry changed', async () => {
    const db = new Database(path.join(server.dataDir, 'ensemble.sqlite'));
    const third = db.prepare('SELECT * FROM decision_entries WHERE seq = 3').get() as Record<string, unknown>;
    const thirdRow = rowidOf(db, String(third.id));
    const fourthId = (db.prepare('SELECT id FROM decision_entries WHERE seq = 4').get() as { id: string }).id;
    expect(() => db.prepare("UPDATE decision_entries SET payload = '{}' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM decision_entries WHERE seq = 3').run()).toThrow(/append-only/);
    // An attacker with the database file can remove the triggers; the chain still tells.
    db.exec('DROP TRIGGER decision_entries_no_update; DROP TRIGGER decision_entries_no_delete;');
    db.pragma('foreign_keys = OFF');
    const tampered: Record<string, unknown> = {
      id: 'forged-id',
      document_id: 'another-document',
      decision_id: decisionIds[1],
      seq: 30,
      kind: 'outcome',
      author_id: team.owner.userId,
      author_role: 'facilitator',
      payload: String(third.payload).replace('Suivi mensuel', 'Suivi annuel'),
      prev_hash: '0'.repeat(64),
      hash: 'f'.repeat(64),
      created_at: Number(third.created_at) - 1,
    };
    for (const [column, value] of Object.entries(tampered)) {
      expect(third[column]).not.toEqual(value);
      db.prepare(`UPDATE decision_entries SET ${column} = ? WHERE rowid = ?`).run(value, thirdRow);
      const result = await verify();
      const moved = column === 'seq' || column === 'document_id';
      expect([column, result.ok, result.brokenAt]).toEqual([
        column,
        false,
        { seq: 3, entryId: moved ? fourthId : column === 'id' ? 'forged-id' : third.id, reason: moved ? 'sequence' : 'hash-mismatch' },
      ]);
      // The log stays readable and carries the same verdict.
      const log = await api(server.url, 'GET', `/api/documents/${team.owner.documentId}/decisions`, { token: team.owner.token });
      expect([column, log.status, log.body.verification]).toEqual([column, 200, result]);
      db.prepare(`UPDATE decision_entries SET ${column} = ? WHERE rowid = ?`).run(third[column], thirdRow);
      expect(await verify()).toMatchObject({ ok: true });
    }
    // Rewriting an entry together with its hash moves the break to the next entry's link.
    const fourth = db.prepare('SELECT * FROM decision_entries WHERE seq = 4').get() as Record<string, unknown>;
    const { entryHash } = await import('../src/decisions/hashChain');
    const forged = { ...toRecord(fourth), createdAt: Number(fourth.created_at) + 1 };
    db.prepare('UPDATE decision_entries SET created_at = ?, hash = ? WHERE id = ?').run(forged.createdAt, entryHash(forged), fourth.id);
    expect((await verify()).brokenAt).toMatchObject({ seq: 5, reason: 'chain-link' });
    db.prepare('DELETE FROM decision_entries WHERE seq = 2').run();
    expect((await verify()).brokenAt).toMatchObject({ seq: 2, reason: 'sequence' });
    db.close();
  });

  it('exports the log as Markdown and as CSV, with the verification status', async () => {
    const exported = async (format: string) =>
      api(server.url, 'GET', `/api/documents/${team.owner.documentId}/decisions/export?format=${format}`, { token: team.commenter.token });
    const md = await exported('markdown');
    expect(md.status).toBe(200);
    expect(md.body).toMatchObject({ format: 'markdown', contentType: 'text/markdown; charset=utf-8', verification: { ok: true, entries: 5 } });
    expect(md.body.filename).toMatch(/^decisions-mon-projet-de-vie-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.body.content).toContain('Chain verification: **intact**, 5 entries');
    expect(md.body.content).toContain('## 1. Reprise du travail (adopted)');
    expect(md.body.content).toContain('**Positions** (adopted by consent, no block; one reservation)');
    expect(md.body.content).toContain('| Dr Roy | professional | agree with reservations | Suivi mensuel \\| bilan |');
    const csv = await exported('csv');
    const lines = (csv.body.content as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,created_at,decision_id,decision_title,kind,entry_id,author_id,author_name,author_role,author_perspective,stance,reason,status,text,corrects,prev_hash,hash');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toContain(`"'=Reprise le 3 mars, ""à mi-temps""."`);
    expect((await exported('pdf')).status).toBe(400);
    const file = await fetch(`${server.url}/api/documents/${team.owner.documentId}/decisions/export?format=csv&download=1`, {
      headers: { authorization: `Bearer ${team.viewer.token}` },
    });
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="decisions-mon-projet-de-vie-[\d-]+\.csv"$/);
    expect(file.headers.get('x-decision-chain')).toBe('intact; entries=5');
    expect(await file.text()).toBe(csv.body.content);

    const db = new Database(path.join(server.dataDir, 'ensemble.sqlite'));
    db.exec('DROP TRIGGER decision_entries_no_update');
    db.prepare("UPDATE decision_entries SET author_role = 'owner' WHERE seq = 4").run();
    db.close();
    const broken = await exported('markdown');
    expect(broken.body.verification).toMatchObject({ ok: false, brokenAt: { seq: 4 } });
    expect(broken.body.content).toContain('Chain verification: **BROKEN** at entry 4 (hash-mismatch)');
  });
});

function rowidOf(db: Database.Database, id: string): number {
  return (db.prepare('SELECT rowid FROM decision_entries WHERE id = ?').get(id) as { rowid: number }).rowid;
}

function toRecord(row: Record<string, unknown>) {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    decisionId: String(row.decision_id),
    seq: Number(row.seq),
    kind: String(row.kind) as 'position',
    authorId: String(row.author_id),
    authorRole: String(row.author_role) as 'clinician',
    payload: String(row.payload),
    prevHash: String(row.prev_hash),
    createdAt: Number(row.created_at),
  };
}
