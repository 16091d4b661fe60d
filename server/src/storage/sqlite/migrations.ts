/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * Never edit a released migration: add a new one.
 */
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
];
