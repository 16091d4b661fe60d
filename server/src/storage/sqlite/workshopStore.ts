/**
 * SQLite adapter of the WorkshopStore, on the handle opened by openSqliteDatabase. `apply` runs
 * in one IMMEDIATE transaction: the write lock is taken before the snapshot is read, so the
 * rules always judge the latest state (a person's dots, what is revealed) and two commands
 * can never both pass a check that only one of them fits.
 *
 * The latest snapshot of each workshop is kept in memory, tagged with its revision: a read
 * checks the stored revision (one indexed lookup) and reuses the snapshot when it matches,
 * instead of reading every idea and vote again for each of sixty participants after each
 * change. Every write goes through `apply`, which increments the revision, so a change made
 * by another process on the same file is seen; anything else that writes these tables must
 * increment `workshops.revision` too.
 */
import type Database from 'better-sqlite3';
import { applyMutation } from '../../workshops/workshopSnapshot';
import type { RuleDecision, WorkshopMutation, WorkshopSnapshot, WorkshopStore } from '../../workshops/workshopStore';

/** Workshops whose snapshot stays in memory; the least recently used beyond this are dropped. */
const CACHED_WORKSHOPS = 100;
import type { Row } from './rows';
import { snapshotFromRows, str, toWorkshop, workshopParams } from './workshopRows';

export class SqliteWorkshopStore implements WorkshopStore {
  private readonly s;
  private readonly loadTransaction;
  private readonly applyTransaction;
  private readonly createTransaction;
  private readonly cache = new Map<string, WorkshopSnapshot>();

  constructor(db: Database.Database) {
    const all = (table: string, order: string) => db.prepare(`SELECT * FROM ${table} WHERE workshop_id = ? ORDER BY ${order}`);
    this.s = {
      workshop: db.prepare('SELECT * FROM workshops WHERE id = ?'),
      revision: db.prepare('SELECT revision FROM workshops WHERE id = ?').pluck(),
      workspaceOf: db.prepare('SELECT workspace_id FROM workshops WHERE id = ?'),
      byWorkspace: db.prepare('SELECT * FROM workshops WHERE workspace_id = ? ORDER BY created_at DESC, id'),
      facilitators: all('workshop_facilitators', 'position'),
      steps: all('workshop_steps', 'position'),
      columns: all('workshop_columns', 'position'),
      themes: all('workshop_themes', 'created_at, rowid'),
      cards: all('workshop_cards', 'created_at, rowid'),
      votes: all('workshop_votes', 'card_id, voter_id'),
      hands: all('workshop_hands', 'raised_at, user_id'),
      checkins: all('workshop_checkins', 'at, user_id, phase'),
      outcomes: all('workshop_outcomes', 'created_at, rowid'),
      insertWorkshop: db.prepare(
        `INSERT INTO workshops (id, workspace_id, title, language, votes_per_person, allow_authorship_reveal, status, current_step_id,
           timer_duration_ms, timer_deadline_at, timer_paused_remaining_ms, authorship_revealed, votes_revealed, summary_document_id, revision, created_by, created_at)
         VALUES (@id, @workspaceId, @title, @language, @votesPerPerson, @allow, @status, @currentStepId, @durationMs, @deadlineAt, @pausedRemainingMs,
           @authorshipRevealed, @votesRevealed, @summaryDocumentId, @revision, @createdBy, @createdAt)`,
      ),
      updateWorkshop: db.prepare(
        `UPDATE workshops SET current_step_id = @currentStepId, timer_duration_ms = @durationMs, timer_deadline_at = @deadlineAt,
           timer_paused_remaining_ms = @pausedRemainingMs, authorship_revealed = @authorshipRevealed, votes_revealed = @votesRevealed,
           status = @status, summary_document_id = @summaryDocumentId, revision = @revision WHERE id = @id`,
      ),
      clearFacilitators: db.prepare('DELETE FROM workshop_facilitators WHERE workshop_id = ?'),
      insertFacilitator: db.prepare('INSERT INTO workshop_facilitators (workshop_id, user_id, position) VALUES (?, ?, ?)'),
      insertStep: db.prepare('INSERT INTO workshop_steps (id, workshop_id, position, kind, title, duration_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      insertColumn: db.prepare('INSERT INTO workshop_columns (id, workshop_id, position, prompt) VALUES (?, ?, ?, ?)'),
      insertCard: db.prepare(
        'INSERT INTO workshop_cards (id, workshop_id, column_id, author_id, author_role, text, theme_id, revealed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      revealCards: db.prepare('UPDATE workshop_cards SET revealed_at = ? WHERE workshop_id = ? AND revealed_at IS NULL'),
      insertTheme: db.prepare('INSERT INTO workshop_themes (id, workshop_id, name, created_at) VALUES (?, ?, ?, ?)'),
      renameTheme: db.prepare('UPDATE workshop_themes SET name = ? WHERE id = ? AND workshop_id = ?'),
      moveCard: db.prepare('UPDATE workshop_cards SET theme_id = ? WHERE id = ? AND workshop_id = ?'),
      upsertVote: db.prepare(
        `INSERT INTO workshop_votes (workshop_id, card_id, voter_id, voter_role, dots) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (card_id, voter_id) DO UPDATE SET dots = excluded.dots, voter_role = excluded.voter_role`,
      ),
      deleteVote: db.prepare('DELETE FROM workshop_votes WHERE card_id = ? AND voter_id = ? AND workshop_id = ?'),
      raiseHand: db.prepare('INSERT OR REPLACE INTO workshop_hands (workshop_id, user_id, raised_at) VALUES (?, ?, ?)'),
      lowerHand: db.prepare('DELETE FROM workshop_hands WHERE workshop_id = ? AND user_id = ?'),
      upsertCheckin: db.prepare('INSERT OR REPLACE INTO workshop_checkins (workshop_id, user_id, phase, mood, word, at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertOutcome: db.prepare('INSERT INTO workshop_outcomes (id, workshop_id, text, created_by, created_at) VALUES (?, ?, ?, ?, ?)'),
      countsBySummary: db.prepare(
        `SELECT c.author_id AS author_id, COUNT(*) AS n FROM workshop_cards c JOIN workshops w ON w.id = c.workshop_id
         WHERE w.summary_document_id = ? GROUP BY c.author_id`,
      ),
    };
    this.loadTransaction = db.transaction((id: string) => this.read(id));
    this.applyTransaction = db.transaction(<T>(id: string, decide: (snapshot: WorkshopSnapshot) => RuleDecision<T>) => {
      const snapshot = this.read(id);
      if (!snapshot) return null;
      const decision = decide(snapshot);
      let next = snapshot;
      for (const mutation of decision.mutations) {
        this.write(next, mutation);
        next = applyMutation(next, mutation);
      }
      const changed = decision.mutations.length > 0;
      if (changed) {
        next = { ...next, workshop: { ...next.workshop, revision: snapshot.workshop.revision + 1 } };
        this.s.updateWorkshop.run(workshopParams(next.workshop));
      }
      return { value: decision.value, revision: next.workshop.revision, changed, next };
    });
    this.createTransaction = db.transaction((snapshot: WorkshopSnapshot) => {
      const w = snapshot.workshop;
      this.s.insertWorkshop.run({ ...workshopParams(w), workspaceId: w.workspaceId, title: w.title, language: w.language, votesPerPerson: w.votesPerPerson, allow: w.allowAuthorshipReveal ? 1 : 0, createdBy: w.createdBy, createdAt: w.createdAt });
      snapshot.facilitatorIds.forEach((userId, i) => this.s.insertFacilitator.run(w.id, userId, i));
      snapshot.steps.forEach((step, i) => this.s.insertStep.run(step.id, w.id, i, step.kind, step.title, step.durationMs));
      snapshot.columns.forEach((column, i) => this.s.insertColumn.run(column.id, w.id, i, column.prompt));
    });
  }

  async create(snapshot: WorkshopSnapshot): Promise<void> {
    this.createTransaction.immediate(snapshot);
  }

  async load(workshopId: string): Promise<WorkshopSnapshot | null> {
    return this.loadTransaction.deferred(workshopId);
  }

  private remember(snapshot: WorkshopSnapshot): void {
    this.cache.delete(snapshot.workshop.id);
    this.cache.set(snapshot.workshop.id, snapshot);
    if (this.cache.size > CACHED_WORKSHOPS) this.cache.delete(this.cache.keys().next().value as string);
  }

  async workspaceOf(workshopId: string): Promise<string | null> {
    const row = this.s.workspaceOf.get(workshopId) as Row | undefined;
    return row ? str(row.workspace_id) : null;
  }

  async listForWorkspace(workspaceId: string) {
    return (this.s.byWorkspace.all(workspaceId) as Row[]).map((row) => ({
      workshop: toWorkshop(row),
      facilitatorIds: (this.s.facilitators.all(row.id) as Row[]).map((f) => str(f.user_id)),
    }));
  }

  async apply<T>(workshopId: string, decide: (snapshot: WorkshopSnapshot) => RuleDecision<T>) {
    const result = this.applyTransaction.immediate(workshopId, decide) as { value: T; revision: number; changed: boolean; next: WorkshopSnapshot } | null;
    if (!result) return null;
    // Only once committed: a refused or failed command leaves the remembered snapshot as it was.
    this.remember(result.next);
    return { value: result.value, revision: result.revision, changed: result.changed };
  }

  async cardCountsBySummary(documentId: string): Promise<Map<string, number>> {
    return new Map((this.s.countsBySummary.all(documentId) as Row[]).map((r) => [str(r.author_id), Number(r.n)]));
  }

  private read(id: string): WorkshopSnapshot | null {
    const revision = this.s.revision.get(id) as number | undefined;
    const cached = this.cache.get(id);
    if (revision === undefined) {
      this.cache.delete(id);
      return null;
    }
    if (cached && cached.workshop.revision === Number(revision)) return cached;
    const fresh = this.readRows(id);
    if (fresh) this.remember(fresh);
    return fresh;
  }

  private readRows(id: string): WorkshopSnapshot | null {
    const row = this.s.workshop.get(id) as Row | undefined;
    if (!row) return null;
    const rows = (statement: Database.Statement) => statement.all(id) as Row[];
    return snapshotFromRows(row, {
      facilitators: rows(this.s.facilitators),
      steps: rows(this.s.steps),
      columns: rows(this.s.columns),
      themes: rows(this.s.themes),
      cards: rows(this.s.cards),
      votes: rows(this.s.votes),
      hands: rows(this.s.hands),
      checkins: rows(this.s.checkins),
      outcomes: rows(this.s.outcomes),
    });
  }

  private write(snapshot: WorkshopSnapshot, m: WorkshopMutation): void {
    const id = snapshot.workshop.id;
    switch (m.kind) {
      case 'update':
        return; // folded into the one UPDATE of the workshop row, with the revision
      case 'setFacilitators':
        this.s.clearFacilitators.run(id);
        m.userIds.forEach((userId, i) => this.s.insertFacilitator.run(id, userId, i));
        return;
      case 'addColumn':
        this.s.insertColumn.run(m.column.id, id, snapshot.columns.length, m.column.prompt);
        return;
      case 'addCard': {
        const c = m.card;
        this.s.insertCard.run(c.id, id, c.columnId, c.authorId, c.authorRole, c.text, c.themeId, c.revealedAt, c.createdAt);
        return;
      }
      case 'revealCards':
        this.s.revealCards.run(m.at, id);
        return;
      case 'addTheme':
        this.s.insertTheme.run(m.theme.id, id, m.theme.name, m.theme.createdAt);
        return;
      case 'renameTheme':
        this.s.renameTheme.run(m.name, m.themeId, id);
        return;
      case 'moveCard':
        this.s.moveCard.run(m.themeId, m.cardId, id);
        return;
      case 'setVote':
        if (m.vote.dots > 0) this.s.upsertVote.run(id, m.vote.cardId, m.vote.voterId, m.vote.voterRole, m.vote.dots);
        else this.s.deleteVote.run(m.vote.cardId, m.vote.voterId, id);
        return;
      case 'setHand':
        if (m.raisedAt === null) this.s.lowerHand.run(id, m.userId);
        else this.s.raiseHand.run(id, m.userId, m.raisedAt);
        return;
      case 'setCheckin':
        this.s.upsertCheckin.run(id, m.checkin.userId, m.checkin.phase, m.checkin.mood, m.checkin.word, m.checkin.at);
        return;
      case 'addOutcome':
        this.s.insertOutcome.run(m.outcome.id, id, m.outcome.text, m.outcome.createdBy, m.outcome.createdAt);
        return;
    }
  }
}
