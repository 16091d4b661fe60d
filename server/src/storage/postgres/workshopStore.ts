/**
 * PostgreSQL adapter of the WorkshopStore. `apply` locks the workshop row before the snapshot
 * is read, so the rules always judge the latest state, whichever instance wrote it, and two
 * commands can never both pass a check that only one of them fits.
 *
 * As on SQLite, the latest snapshot of each workshop is kept in memory, tagged with its
 * revision; a read checks the stored revision (one indexed lookup) and reuses the snapshot only
 * when it matches. Every write goes through `apply`, which increments the revision, so changes
 * made by other instances are always seen.
 */
import type pg from 'pg';
import { applyMutation } from '../../workshops/workshopSnapshot';
import type { RuleDecision, WorkshopMutation, WorkshopRecord, WorkshopSnapshot, WorkshopStore } from '../../workshops/workshopStore';
import { snapshotFromRows, str, toWorkshop } from '../sqlite/workshopRows';
import { one, rows, transaction, type Db } from './database';

/** Workshops whose snapshot stays in memory; the least recently used beyond this are dropped. */
const CACHED_WORKSHOPS = 100;

const ORDER = {
  facilitators: 'position',
  steps: 'position',
  columns: 'position',
  themes: 'created_at, ordinal',
  cards: 'created_at, ordinal',
  votes: 'card_id, voter_id',
  hands: 'raised_at, user_id',
  checkins: 'at, user_id, phase',
  outcomes: 'created_at, ordinal',
} as const;

export class PostgresWorkshopStore implements WorkshopStore {
  private readonly cache = new Map<string, WorkshopSnapshot>();

  constructor(private readonly pool: pg.Pool) {}

  async create(snapshot: WorkshopSnapshot): Promise<void> {
    const w = snapshot.workshop;
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO workshops (id, workspace_id, title, language, votes_per_person, allow_authorship_reveal, status, current_step_id,
           timer_duration_ms, timer_deadline_at, timer_paused_remaining_ms, authorship_revealed, votes_revealed, summary_document_id, revision, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          w.id, w.workspaceId, w.title, w.language, w.votesPerPerson, w.allowAuthorshipReveal, w.status, w.currentStepId,
          w.timer.durationMs, w.timer.deadlineAt, w.timer.pausedRemainingMs, w.authorshipRevealed, w.votesRevealed, w.summaryDocumentId, w.revision, w.createdBy, w.createdAt,
        ],
      );
      for (const [i, userId] of snapshot.facilitatorIds.entries()) await insertFacilitator(client, w.id, userId, i);
      for (const [i, step] of snapshot.steps.entries()) {
        await client.query('INSERT INTO workshop_steps (id, workshop_id, position, kind, title, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)', [step.id, w.id, i, step.kind, step.title, step.durationMs]);
      }
      for (const [i, column] of snapshot.columns.entries()) await insertColumn(client, column.id, w.id, i, column.prompt);
    });
  }

  async load(workshopId: string): Promise<WorkshopSnapshot | null> {
    return transaction(this.pool, (client) => this.read(client, workshopId, false), 'snapshot');
  }

  async workspaceOf(workshopId: string): Promise<string | null> {
    const row = await one(this.pool, 'SELECT workspace_id FROM workshops WHERE id = $1', [workshopId]);
    return row ? str(row.workspace_id) : null;
  }

  async listForWorkspace(workspaceId: string): Promise<Array<{ workshop: WorkshopRecord; facilitatorIds: string[] }>> {
    const found = await rows(
      this.pool,
      `SELECT w.*, COALESCE((SELECT json_agg(f.user_id ORDER BY f.position) FROM workshop_facilitators f WHERE f.workshop_id = w.id), '[]'::json) AS facilitator_ids
       FROM workshops w WHERE w.workspace_id = $1 ORDER BY w.created_at DESC, w.id`,
      [workspaceId],
    );
    return found.map((row) => ({ workshop: toWorkshop(row), facilitatorIds: (row.facilitator_ids as unknown[]).map(String) }));
  }

  async apply<T>(workshopId: string, decide: (snapshot: WorkshopSnapshot) => RuleDecision<T>): Promise<{ value: T; revision: number; changed: boolean } | null> {
    const result = await transaction(this.pool, async (client) => {
      const snapshot = await this.read(client, workshopId, true);
      if (!snapshot) return null;
      const decision = decide(snapshot);
      let next = snapshot;
      for (const mutation of decision.mutations) {
        await this.write(client, next, mutation);
        next = applyMutation(next, mutation);
      }
      const changed = decision.mutations.length > 0;
      if (changed) {
        next = { ...next, workshop: { ...next.workshop, revision: snapshot.workshop.revision + 1 } };
        const w = next.workshop;
        await client.query(
          `UPDATE workshops SET current_step_id = $2, timer_duration_ms = $3, timer_deadline_at = $4, timer_paused_remaining_ms = $5,
             authorship_revealed = $6, votes_revealed = $7, status = $8, summary_document_id = $9, revision = $10 WHERE id = $1`,
          [w.id, w.currentStepId, w.timer.durationMs, w.timer.deadlineAt, w.timer.pausedRemainingMs, w.authorshipRevealed, w.votesRevealed, w.status, w.summaryDocumentId, w.revision],
        );
      }
      return { value: decision.value, revision: next.workshop.revision, changed, next };
    });
    if (!result) return null;
    // Only once committed: a refused or failed command leaves the remembered snapshot as it was.
    this.remember(result.next);
    return { value: result.value, revision: result.revision, changed: result.changed };
  }

  async cardCountsBySummary(documentId: string): Promise<Map<string, number>> {
    const found = await rows(
      this.pool,
      `SELECT c.author_id AS author_id, COUNT(*) AS n FROM workshop_cards c JOIN workshops w ON w.id = c.workshop_id
       WHERE w.summary_document_id = $1 GROUP BY c.author_id`,
      [documentId],
    );
    return new Map(found.map((r) => [str(r.author_id), Number(r.n)]));
  }

  private remember(snapshot: WorkshopSnapshot): void {
    this.cache.delete(snapshot.workshop.id);
    this.cache.set(snapshot.workshop.id, snapshot);
    if (this.cache.size > CACHED_WORKSHOPS) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** With `forUpdate`, locks the workshop row first (held until the transaction ends). */
  private async read(client: pg.PoolClient, id: string, forUpdate: boolean): Promise<WorkshopSnapshot | null> {
    const row = await one(client, `SELECT * FROM workshops WHERE id = $1${forUpdate ? ' FOR NO KEY UPDATE' : ''}`, [id]);
    if (!row) {
      this.cache.delete(id);
      return null;
    }
    const cached = this.cache.get(id);
    if (cached && cached.workshop.revision === Number(row.revision)) return cached;
    const all = async (table: keyof typeof ORDER) => rows(client, `SELECT * FROM workshop_${table} WHERE workshop_id = $1 ORDER BY ${ORDER[table]}`, [id]);
    const fresh = snapshotFromRows(row, {
      facilitators: await all('facilitators'),
      steps: await all('steps'),
      columns: await all('columns'),
      themes: await all('themes'),
      cards: await all('cards'),
      votes: await all('votes'),
      hands: await all('hands'),
      checkins: await all('checkins'),
      outcomes: await all('outcomes'),
    });
    this.remember(fresh);
    return fresh;
  }

  private async write(client: pg.PoolClient, snapshot: WorkshopSnapshot, m: WorkshopMutation): Promise<void> {
    const id = snapshot.workshop.id;
    switch (m.kind) {
      case 'update':
        return; // folded into the one UPDATE of the workshop row, with the revision
      case 'setFacilitators':
        await client.query('DELETE FROM workshop_facilitators WHERE workshop_id = $1', [id]);
        for (const [i, userId] of m.userIds.entries()) await insertFacilitator(client, id, userId, i);
        return;
      case 'addColumn':
        await insertColumn(client, m.column.id, id, snapshot.columns.length, m.column.prompt);
        return;
      case 'addCard': {
        const c = m.card;
        await client.query(
          'INSERT INTO workshop_cards (id, workshop_id, column_id, author_id, author_role, text, theme_id, revealed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [c.id, id, c.columnId, c.authorId, c.authorRole, c.text, c.themeId, c.revealedAt, c.createdAt],
        );
        return;
      }
      case 'revealCards':
        await client.query('UPDATE workshop_cards SET revealed_at = $1 WHERE workshop_id = $2 AND revealed_at IS NULL', [m.at, id]);
        return;
      case 'addTheme':
        await client.query('INSERT INTO workshop_themes (id, workshop_id, name, created_at) VALUES ($1, $2, $3, $4)', [m.theme.id, id, m.theme.name, m.theme.createdAt]);
        return;
      case 'renameTheme':
        await client.query('UPDATE workshop_themes SET name = $1 WHERE id = $2 AND workshop_id = $3', [m.name, m.themeId, id]);
        return;
      case 'moveCard':
        await client.query('UPDATE workshop_cards SET theme_id = $1 WHERE id = $2 AND workshop_id = $3', [m.themeId, m.cardId, id]);
        return;
      case 'setVote':
        if (m.vote.dots > 0) {
          await client.query(
            `INSERT INTO workshop_votes (workshop_id, card_id, voter_id, voter_role, dots) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (card_id, voter_id) DO UPDATE SET dots = excluded.dots, voter_role = excluded.voter_role`,
            [id, m.vote.cardId, m.vote.voterId, m.vote.voterRole, m.vote.dots],
          );
        } else {
          await client.query('DELETE FROM workshop_votes WHERE card_id = $1 AND voter_id = $2 AND workshop_id = $3', [m.vote.cardId, m.vote.voterId, id]);
        }
        return;
      case 'setHand':
        if (m.raisedAt === null) await client.query('DELETE FROM workshop_hands WHERE workshop_id = $1 AND user_id = $2', [id, m.userId]);
        else {
          await client.query(
            `INSERT INTO workshop_hands (workshop_id, user_id, raised_at) VALUES ($1, $2, $3)
             ON CONFLICT (workshop_id, user_id) DO UPDATE SET raised_at = excluded.raised_at`,
            [id, m.userId, m.raisedAt],
          );
        }
        return;
      case 'setCheckin':
        await client.query(
          `INSERT INTO workshop_checkins (workshop_id, user_id, phase, mood, word, at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (workshop_id, user_id, phase) DO UPDATE SET mood = excluded.mood, word = excluded.word, at = excluded.at`,
          [id, m.checkin.userId, m.checkin.phase, m.checkin.mood, m.checkin.word, m.checkin.at],
        );
        return;
      case 'addOutcome':
        await client.query('INSERT INTO workshop_outcomes (id, workshop_id, text, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
          m.outcome.id,
          id,
          m.outcome.text,
          m.outcome.createdBy,
          m.outcome.createdAt,
        ]);
        return;
    }
  }
}

function insertFacilitator(db: Db, workshopId: string, userId: string, position: number) {
  return db.query('INSERT INTO workshop_facilitators (workshop_id, user_id, position) VALUES ($1, $2, $3)', [workshopId, userId, position]);
}

function insertColumn(db: Db, columnId: string, workshopId: string, position: number, prompt: string) {
  return db.query('INSERT INTO workshop_columns (id, workshop_id, position, prompt) VALUES ($1, $2, $3, $4)', [columnId, workshopId, position, prompt]);
}
