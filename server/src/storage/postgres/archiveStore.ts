/**
 * PostgreSQL adapter of the ArchiveStore (archive/archiveStore.ts): a whole imported workspace
 * in one transaction. Any failing insert rolls everything back, so a refused import leaves no
 * workspace, no placeholder and no half document behind. The update log, the bulk of an
 * archive, is inserted in chunks of rows per statement.
 */
import type pg from 'pg';
import type { ArchiveStore, ImportPlan } from '../../archive/archiveStore';
import { transaction } from './database';
import { INSERT_USER, insertAudit, userParams } from './people';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export class PostgresArchiveStore implements ArchiveStore {
  constructor(private readonly pool: pg.Pool) {}

  async importWorkspace(plan: ImportPlan): Promise<void> {
    await transaction(this.pool, async (client) => {
      const q = (sql: string, params: unknown[]) => client.query(sql, params);
      for (const user of plan.users) await q(INSERT_USER, userParams(user));
      const w = plan.workspace;
      await q('INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES ($1, $2, $3, $4, $5)', [w.id, w.name, w.purpose, w.createdAt, w.createdBy]);
      for (const m of plan.memberships) {
        await q('INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES ($1, $2, $3, $4, $5)', [m.workspaceId, m.userId, m.role, m.permission, m.createdAt]);
      }
      for (const d of plan.documents) {
        await q(
          `INSERT INTO documents (id, workspace_id, title, template, created_at, updated_at, archived_at, restricted)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [d.id, d.workspaceId, d.title, d.template, d.createdAt, d.updatedAt, d.archivedAt ?? null, Boolean(d.restricted)],
        );
        for (const entry of d.accessList) await q('INSERT INTO document_access (document_id, user_id, permission) VALUES ($1, $2, $3)', [d.id, entry.userId, entry.permission]);
      }
      for (const part of chunks(plan.updates)) {
        await q(
          'INSERT INTO updates (document_id, seq, member_id, data, created_at) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bytea[], $5::bigint[])',
          [part.map((u) => u.documentId), part.map((u) => u.seq), part.map((u) => u.memberId), part.map((u) => Buffer.from(u.update)), part.map((u) => u.time)],
        );
      }
      for (const part of chunks(plan.bindings)) {
        await q('INSERT INTO client_bindings (document_id, client_id, member_id, seq) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[])', [
          part.map((b) => b.documentId),
          part.map((b) => b.clientId),
          part.map((b) => b.memberId),
          part.map((b) => b.seq),
        ]);
      }
      for (const e of plan.decisionEntries) {
        await q(
          `INSERT INTO decision_entries (id, document_id, decision_id, seq, kind, author_id, author_role, payload, prev_hash, hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [e.id, e.documentId, e.decisionId, e.seq, e.kind, e.authorId, e.authorRole, e.payload, e.prevHash, e.hash, e.createdAt],
        );
      }
      // Rounds before comments: a comment written during a round points at it.
      for (const { round: r, assignments } of plan.reviewRounds) {
        await q(
          `INSERT INTO review_rounds (id, document_id, title, questions, due_date, opened_by, opened_at, closed_by, closed_at, summary, suggestions)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [r.id, r.documentId, r.title, JSON.stringify(r.questions), r.dueDate, r.openedBy, r.openedAt, r.closedBy, r.closedAt, r.summary, r.suggestions],
        );
        for (const [i, a] of assignments.entries()) {
          await q('INSERT INTO review_assignments (round_id, user_id, position, done_at, note) VALUES ($1, $2, $3, $4, $5)', [a.roundId, a.userId, i, a.doneAt, a.note]);
        }
      }
      for (const { comment: c, events } of plan.comments) {
        await q(
          `INSERT INTO comments (id, document_id, thread_id, parent_id, author_id, author_role, anchor, round_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [c.id, c.documentId, c.threadId, c.parentId, c.authorId, c.authorRole, c.anchor, c.roundId, c.createdAt],
        );
        for (const [i, userId] of c.mentions.entries()) {
          await q('INSERT INTO comment_mentions (comment_id, user_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [c.id, userId, i]);
        }
        for (const e of events) await q('INSERT INTO comment_events (comment_id, kind, actor_id, body, at) VALUES ($1, $2, $3, $4, $5)', [c.id, e.kind, e.actorId, e.body, e.at]);
      }
      for (const v of plan.namedVersions) {
        await q('INSERT INTO named_versions (id, document_id, seq, name, content_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          v.id, v.documentId, v.seq, v.name, v.contentHash, v.createdBy, v.createdAt,
        ]);
      }
      for (const e of plan.signoffEntries) {
        await q(
          'INSERT INTO signoff_entries (id, document_id, seq, version_id, kind, actor_id, payload, prev_hash, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [e.id, e.documentId, e.seq, e.versionId, e.kind, e.actorId, e.payload, e.prevHash, e.hash, e.createdAt],
        );
      }
      for (const snapshot of plan.workshops) {
        const r = snapshot.workshop;
        await q(
          `INSERT INTO workshops (id, workspace_id, title, language, votes_per_person, allow_authorship_reveal, status, current_step_id,
             timer_duration_ms, timer_deadline_at, timer_paused_remaining_ms, authorship_revealed, votes_revealed, summary_document_id, revision, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, NULL, $10, $11, $12, 0, $13, $14)`,
          [r.id, r.workspaceId, r.title, r.language, r.votesPerPerson, r.allowAuthorshipReveal, r.status, r.currentStepId,
            r.timer.durationMs, r.authorshipRevealed, r.votesRevealed, r.summaryDocumentId, r.createdBy, r.createdAt],
        );
        for (const [i, userId] of snapshot.facilitatorIds.entries()) await q('INSERT INTO workshop_facilitators (workshop_id, user_id, position) VALUES ($1, $2, $3)', [r.id, userId, i]);
        for (const [i, step] of snapshot.steps.entries()) {
          await q('INSERT INTO workshop_steps (id, workshop_id, position, kind, title, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)', [step.id, r.id, i, step.kind, step.title, step.durationMs]);
        }
        for (const [i, column] of snapshot.columns.entries()) await q('INSERT INTO workshop_columns (id, workshop_id, position, prompt) VALUES ($1, $2, $3, $4)', [column.id, r.id, i, column.prompt]);
        for (const t of snapshot.themes) await q('INSERT INTO workshop_themes (id, workshop_id, name, created_at) VALUES ($1, $2, $3, $4)', [t.id, r.id, t.name, t.createdAt]);
        for (const c of snapshot.cards) {
          await q(
            'INSERT INTO workshop_cards (id, workshop_id, column_id, author_id, author_role, text, theme_id, revealed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [c.id, r.id, c.columnId, c.authorId, c.authorRole, c.text, c.themeId, c.revealedAt, c.createdAt],
          );
        }
        for (const v of snapshot.votes) await q('INSERT INTO workshop_votes (workshop_id, card_id, voter_id, voter_role, dots) VALUES ($1, $2, $3, $4, $5)', [r.id, v.cardId, v.voterId, v.voterRole, v.dots]);
        for (const c of snapshot.checkins) {
          await q('INSERT INTO workshop_checkins (workshop_id, user_id, phase, mood, word, at) VALUES ($1, $2, $3, $4, $5, $6)', [r.id, c.userId, c.phase, c.mood, c.word, c.at]);
        }
        for (const o of snapshot.outcomes) await q('INSERT INTO workshop_outcomes (id, workshop_id, text, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [o.id, r.id, o.text, o.createdBy, o.createdAt]);
      }
      for (const event of plan.audit) await insertAudit(client, event);
    });
  }
}
