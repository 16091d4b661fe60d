/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * Never edit a released migration: add a new one.
 */
import { WORKSHOP_MIGRATION } from './workshopMigration';

export const SQLITE_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT,
        color TEXT NOT NULL,
        language TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        purpose TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id)
      );
      CREATE TABLE memberships (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        permission TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships(user_id);
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        template TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX documents_workspace ON documents(workspace_id);
      CREATE TABLE updates (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE checkpoints (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        state BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE memberships ADD COLUMN last_seen_at INTEGER;
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        code_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        permission TEXT NOT NULL,
        max_uses INTEGER,
        uses INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX invitations_workspace ON invitations(workspace_id);
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        actor_id TEXT,
        subject_id TEXT,
        details TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX audit_events_workspace ON audit_events(workspace_id, id);
    `,
  },
  {
    // The decision log (ADR 0002): append-only and hash-chained per document. The triggers make
    // the application unable to rewrite history; the chain detects anyone who bypasses them.
    // No ON DELETE CASCADE: deleting a document must not silently erase its decisions.
    version: 3,
    sql: `
      CREATE TABLE decision_entries (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        decision_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_role TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (document_id, seq)
      );
      CREATE INDEX decision_entries_decision ON decision_entries(decision_id, seq);
      CREATE TRIGGER decision_entries_no_update BEFORE UPDATE ON decision_entries
      BEGIN SELECT RAISE(ABORT, 'decision_entries is append-only: add a correction instead of updating'); END;
      CREATE TRIGGER decision_entries_no_delete BEFORE DELETE ON decision_entries
      BEGIN SELECT RAISE(ABORT, 'decision_entries is append-only: entries are never deleted'); END;
    `,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE client_bindings (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        client_id INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (document_id, client_id)
      );
    `,
  },
  {
    // Privacy and retention (docs/privacy.md, ADR 0004). The access log keeps the role held at
    // each opening. An erased account stays as a tombstone row (pseudonym, no credentials) so
    // the ids in the update log, bindings and decision chain keep resolving. Deleting decision
    // entries stays impossible except for whole documents a retention purge lists in
    // retention_purges, inside the same transaction.
    version: 5,
    sql: `
      CREATE TABLE access_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        role TEXT NOT NULL,
        permission TEXT NOT NULL,
        via TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX access_log_document ON access_log(document_id, id);
      CREATE INDEX access_log_user ON access_log(user_id, id);
      ALTER TABLE users ADD COLUMN erased_at INTEGER;
      ALTER TABLE workspaces ADD COLUMN closed_at INTEGER;
      ALTER TABLE workspaces ADD COLUMN retention_days INTEGER;
      CREATE TABLE retention_purges (document_id TEXT PRIMARY KEY);
      DROP TRIGGER IF EXISTS decision_entries_no_delete;
      CREATE TRIGGER decision_entries_no_delete BEFORE DELETE ON decision_entries
      WHEN NOT EXISTS (SELECT 1 FROM retention_purges WHERE document_id = OLD.document_id)
      BEGIN SELECT RAISE(ABORT, 'decision_entries is append-only: entries are never deleted'); END;
    `,
  },
  {
    version: 6,
    sql: `
      ALTER TABLE documents ADD COLUMN archived_at INTEGER;
      ALTER TABLE documents ADD COLUMN trashed_at INTEGER;
      ALTER TABLE documents ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN purged_at INTEGER;
      ALTER TABLE sessions ADD COLUMN idle_timeout_ms INTEGER;
      ALTER TABLE sessions ADD COLUMN last_used_at INTEGER;
      CREATE TABLE document_access (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        permission TEXT NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      CREATE TABLE named_versions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX named_versions_document ON named_versions(document_id, created_at);
      CREATE TABLE signoff_entries (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        version_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (document_id, seq)
      );
      CREATE TRIGGER signoff_entries_no_update BEFORE UPDATE ON signoff_entries
      BEGIN SELECT RAISE(ABORT, 'signoff_entries is append-only'); END;
      CREATE TABLE recovery_links (
        token_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_by TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      );
    `,
  },
  WORKSHOP_MIGRATION,
  {
    // Comments, review rounds and visits (issue 9). A comment row never changes: each body,
    // resolve and reopen is an event beside it, so threads keep their history. Mentions have
    // their own table so "comments mentioning me" is an index lookup. document_visits keeps only
    // the last time each member had each document open, for "changed since my last visit".
    // Listed after 8 (written at the same time); migrations run in version order regardless.
    version: 7,
    sql: `
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        thread_id TEXT NOT NULL,
        parent_id TEXT,
        author_id TEXT NOT NULL,
        author_role TEXT NOT NULL,
        anchor TEXT,
        round_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX comments_document ON comments(document_id, created_at);
      CREATE INDEX comments_round ON comments(round_id);
      CREATE TABLE comment_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        body TEXT,
        at INTEGER NOT NULL
      );
      CREATE INDEX comment_events_comment ON comment_events(comment_id, id);
      CREATE TABLE comment_mentions (
        comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (comment_id, user_id)
      );
      CREATE INDEX comment_mentions_user ON comment_mentions(user_id);
      CREATE TABLE review_rounds (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        questions TEXT NOT NULL,
        due_date TEXT,
        opened_by TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        closed_by TEXT,
        closed_at INTEGER,
        summary TEXT,
        suggestions TEXT
      );
      CREATE INDEX review_rounds_document ON review_rounds(document_id, opened_at);
      CREATE TABLE review_assignments (
        round_id TEXT NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        done_at INTEGER,
        note TEXT,
        PRIMARY KEY (round_id, user_id)
      );
      CREATE INDEX review_assignments_user ON review_assignments(user_id);
      CREATE TABLE document_visits (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      CREATE INDEX document_visits_user ON document_visits(user_id);
    `,
  },
  {
    // Password reset by email (issue 13) reuses recovery links: a link now has a purpose
    // ('recovery', issued by an owner of a workspace; 'password_reset', asked for by email and
    // tied to no workspace, so workspace_id may be NULL). SQLite cannot drop a NOT NULL, so the
    // table is rebuilt; nothing references it.
    version: 10,
    sql: `
      CREATE TABLE recovery_links_v10 (
        token_hash TEXT PRIMARY KEY,
        workspace_id TEXT REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_by TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL,
        purpose TEXT NOT NULL DEFAULT 'recovery' CHECK (purpose IN ('recovery', 'password_reset'))
      );
      INSERT INTO recovery_links_v10 (token_hash, workspace_id, user_id, created_by, expires_at, used_at, created_at)
        SELECT token_hash, workspace_id, user_id, created_by, expires_at, used_at, created_at FROM recovery_links;
      DROP TABLE recovery_links;
      ALTER TABLE recovery_links_v10 RENAME TO recovery_links;
      CREATE INDEX recovery_links_user ON recovery_links(user_id);
    `,
  },
];
