/**
 * Migration 8 of the PostgreSQL schema, the workshop tables (issue 10, ADR 0006), kept apart
 * for the size of migrations.ts, which lists it in its place.
 */
export const WORKSHOP_MIGRATION: { version: number; sql: string } = {
  // Workshops (issue 10, ADR 0006).
  version: 8,
  sql: `
    CREATE TABLE workshops (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      language TEXT NOT NULL,
      votes_per_person INTEGER NOT NULL,
      allow_authorship_reveal BOOLEAN NOT NULL,
      status TEXT NOT NULL,
      current_step_id TEXT NOT NULL,
      timer_duration_ms BIGINT NOT NULL,
      timer_deadline_at BIGINT,
      timer_paused_remaining_ms BIGINT,
      authorship_revealed BOOLEAN NOT NULL DEFAULT FALSE,
      votes_revealed BOOLEAN NOT NULL DEFAULT FALSE,
      summary_document_id TEXT,
      revision BIGINT NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX workshops_workspace ON workshops(workspace_id, created_at);
    CREATE INDEX workshops_summary ON workshops(summary_document_id);
    CREATE TABLE workshop_facilitators (
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (workshop_id, user_id)
    );
    CREATE TABLE workshop_steps (
      id TEXT PRIMARY KEY,
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      duration_ms BIGINT NOT NULL
    );
    CREATE INDEX workshop_steps_workshop ON workshop_steps(workshop_id, position);
    CREATE TABLE workshop_columns (
      id TEXT PRIMARY KEY,
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      prompt TEXT NOT NULL
    );
    CREATE INDEX workshop_columns_workshop ON workshop_columns(workshop_id, position);
    CREATE TABLE workshop_themes (
      id TEXT PRIMARY KEY,
      ordinal BIGINT GENERATED ALWAYS AS IDENTITY,
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX workshop_themes_workshop ON workshop_themes(workshop_id, created_at);
    CREATE TABLE workshop_cards (
      id TEXT PRIMARY KEY,
      ordinal BIGINT GENERATED ALWAYS AS IDENTITY,
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      column_id TEXT NOT NULL,
      author_id TEXT NOT NULL,
      author_role TEXT NOT NULL,
      text TEXT NOT NULL,
      theme_id TEXT,
      revealed_at BIGINT,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX workshop_cards_workshop ON workshop_cards(workshop_id, created_at);
    CREATE TABLE workshop_votes (
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      card_id TEXT NOT NULL REFERENCES workshop_cards(id) ON DELETE CASCADE,
      voter_id TEXT NOT NULL,
      voter_role TEXT NOT NULL,
      dots INTEGER NOT NULL CHECK (dots > 0),
      PRIMARY KEY (card_id, voter_id)
    );
    CREATE INDEX workshop_votes_workshop ON workshop_votes(workshop_id);
    CREATE TABLE workshop_hands (
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      raised_at BIGINT NOT NULL,
      PRIMARY KEY (workshop_id, user_id)
    );
    CREATE TABLE workshop_checkins (
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      phase TEXT NOT NULL,
      mood TEXT,
      word TEXT,
      at BIGINT NOT NULL,
      PRIMARY KEY (workshop_id, user_id, phase)
    );
    CREATE TABLE workshop_outcomes (
      id TEXT PRIMARY KEY,
      ordinal BIGINT GENERATED ALWAYS AS IDENTITY,
      workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX workshop_outcomes_workshop ON workshop_outcomes(workshop_id, created_at);
  `,

};
