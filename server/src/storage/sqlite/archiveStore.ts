/**
 * SQLite adapter of the ArchiveStore (archive/archiveStore.ts): a whole imported workspace in
 * one IMMEDIATE transaction. Any failing insert (a constraint, a full disk) rolls everything
 * back, so a refused import leaves no workspace, no placeholder and no half document behind.
 */
import type Database from 'better-sqlite3';
import type { ArchiveStore, ImportPlan } from '../../archive/archiveStore';
import { insertAudit } from './erasureStore';

export class SqliteArchiveStore implements ArchiveStore {
  private readonly write;

  constructor(db: Database.Database) {
    const s = {
      user: db.prepare(
        'INSERT INTO users (id, email, display_name, password_hash, color, language, created_at) VALUES (@id, @email, @displayName, @passwordHash, @color, @language, @createdAt)',
      ),
      workspace: db.prepare('INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES (@id, @name, @purpose, @createdAt, @createdBy)'),
      membership: db.prepare(
        'INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES (@workspaceId, @userId, @role, @permission, @createdAt)',
      ),
      document: db.prepare(
        `INSERT INTO documents (id, workspace_id, title, template, created_at, updated_at, archived_at, restricted)
         VALUES (@id, @workspaceId, @title, @template, @createdAt, @updatedAt, @archivedAt, @restricted)`,
      ),
      access: db.prepare('INSERT INTO document_access (document_id, user_id, permission) VALUES (?, ?, ?)'),
      update: db.prepare('INSERT INTO updates (document_id, seq, member_id, data, created_at) VALUES (?, ?, ?, ?, ?)'),
      binding: db.prepare('INSERT INTO client_bindings (document_id, client_id, member_id, seq) VALUES (?, ?, ?, ?)'),
      decision: db.prepare(
        `INSERT INTO decision_entries (id, document_id, decision_id, seq, kind, author_id, author_role, payload, prev_hash, hash, created_at)
         VALUES (@id, @documentId, @decisionId, @seq, @kind, @authorId, @authorRole, @payload, @prevHash, @hash, @createdAt)`,
      ),
      comment: db.prepare(
        `INSERT INTO comments (id, document_id, thread_id, parent_id, author_id, author_role, anchor, round_id, created_at)
         VALUES (@id, @documentId, @threadId, @parentId, @authorId, @authorRole, @anchor, @roundId, @createdAt)`,
      ),
      mention: db.prepare('INSERT OR IGNORE INTO comment_mentions (comment_id, user_id, position) VALUES (?, ?, ?)'),
      commentEvent: db.prepare('INSERT INTO comment_events (comment_id, kind, actor_id, body, at) VALUES (?, ?, ?, ?, ?)'),
      round: db.prepare(
        `INSERT INTO review_rounds (id, document_id, title, questions, due_date, opened_by, opened_at, closed_by, closed_at, summary, suggestions)
         VALUES (@id, @documentId, @title, @questions, @dueDate, @openedBy, @openedAt, @closedBy, @closedAt, @summary, @suggestions)`,
      ),
      assignment: db.prepare('INSERT INTO review_assignments (round_id, user_id, position, done_at, note) VALUES (?, ?, ?, ?, ?)'),
      version: db.prepare('INSERT INTO named_versions (id, document_id, seq, name, content_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      signoff: db.prepare(
        `INSERT INTO signoff_entries (id, document_id, seq, version_id, kind, actor_id, payload, prev_hash, hash, created_at)
         VALUES (@id, @documentId, @seq, @versionId, @kind, @actorId, @payload, @prevHash, @hash, @createdAt)`,
      ),
      workshop: db.prepare(
        `INSERT INTO workshops (id, workspace_id, title, language, votes_per_person, allow_authorship_reveal, status, current_step_id,
           timer_duration_ms, timer_deadline_at, timer_paused_remaining_ms, authorship_revealed, votes_revealed, summary_document_id, revision, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, 0, ?, ?)`,
      ),
      facilitator: db.prepare('INSERT INTO workshop_facilitators (workshop_id, user_id, position) VALUES (?, ?, ?)'),
      step: db.prepare('INSERT INTO workshop_steps (id, workshop_id, position, kind, title, duration_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      column: db.prepare('INSERT INTO workshop_columns (id, workshop_id, position, prompt) VALUES (?, ?, ?, ?)'),
      theme: db.prepare('INSERT INTO workshop_themes (id, workshop_id, name, created_at) VALUES (?, ?, ?, ?)'),
      card: db.prepare(
        'INSERT INTO workshop_cards (id, workshop_id, column_id, author_id, author_role, text, theme_id, revealed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      vote: db.prepare('INSERT INTO workshop_votes (workshop_id, card_id, voter_id, voter_role, dots) VALUES (?, ?, ?, ?, ?)'),
      checkin: db.prepare('INSERT INTO workshop_checkins (workshop_id, user_id, phase, mood, word, at) VALUES (?, ?, ?, ?, ?, ?)'),
      outcome: db.prepare('INSERT INTO workshop_outcomes (id, workshop_id, text, created_by, created_at) VALUES (?, ?, ?, ?, ?)'),
    };

    this.write = db.transaction((plan: ImportPlan) => {
      for (const user of plan.users) s.user.run(user);
      s.workspace.run(plan.workspace);
      for (const m of plan.memberships) s.membership.run(m);
      for (const d of plan.documents) {
        s.document.run({ ...d, archivedAt: d.archivedAt ?? null, restricted: d.restricted ? 1 : 0 });
        for (const entry of d.accessList) s.access.run(d.id, entry.userId, entry.permission);
      }
      for (const u of plan.updates) s.update.run(u.documentId, u.seq, u.memberId, Buffer.from(u.update), u.time);
      for (const b of plan.bindings) s.binding.run(b.documentId, b.clientId, b.memberId, b.seq);
      for (const e of plan.decisionEntries) s.decision.run(e);
      // Rounds before comments: a comment written during a round points at it.
      for (const { round, assignments } of plan.reviewRounds) {
        s.round.run({ ...round, questions: JSON.stringify(round.questions) });
        assignments.forEach((a, i) => s.assignment.run(a.roundId, a.userId, i, a.doneAt, a.note));
      }
      for (const { comment, events } of plan.comments) {
        s.comment.run(comment);
        comment.mentions.forEach((userId, i) => s.mention.run(comment.id, userId, i));
        for (const e of events) s.commentEvent.run(comment.id, e.kind, e.actorId, e.body, e.at);
      }
      for (const v of plan.namedVersions) s.version.run(v.id, v.documentId, v.seq, v.name, v.contentHash, v.createdBy, v.createdAt);
      for (const e of plan.signoffEntries) s.signoff.run(e);
      for (const w of plan.workshops) {
        const r = w.workshop;
        s.workshop.run(r.id, r.workspaceId, r.title, r.language, r.votesPerPerson, r.allowAuthorshipReveal ? 1 : 0, r.status, r.currentStepId,
          r.timer.durationMs, r.authorshipRevealed ? 1 : 0, r.votesRevealed ? 1 : 0, r.summaryDocumentId, r.createdBy, r.createdAt);
        w.facilitatorIds.forEach((userId, i) => s.facilitator.run(r.id, userId, i));
        w.steps.forEach((step, i) => s.step.run(step.id, r.id, i, step.kind, step.title, step.durationMs));
        w.columns.forEach((column, i) => s.column.run(column.id, r.id, i, column.prompt));
        for (const t of w.themes) s.theme.run(t.id, r.id, t.name, t.createdAt);
        for (const c of w.cards) s.card.run(c.id, r.id, c.columnId, c.authorId, c.authorRole, c.text, c.themeId, c.revealedAt, c.createdAt);
        for (const v of w.votes) s.vote.run(r.id, v.cardId, v.voterId, v.voterRole, v.dots);
        for (const c of w.checkins) s.checkin.run(r.id, c.userId, c.phase, c.mood, c.word, c.at);
        for (const o of w.outcomes) s.outcome.run(o.id, r.id, o.text, o.createdBy, o.createdAt);
      }
      for (const event of plan.audit) insertAudit(db, event);
    });
  }

  async importWorkspace(plan: ImportPlan): Promise<void> {
    this.write.immediate(plan);
  }
}
