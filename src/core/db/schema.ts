import type { Database } from './sql-types';
import { TEAM_SYNC_TABLES } from './team-sync-tables';

/**
 * The database schema, built by numbered migrations recorded in `PRAGMA user_version`.
 * Table and column names are the original FF2API's (reference/ff2api-original.md §1) so that
 * backups map one to one. Differences, all deliberate:
 * - timestamps are ISO 8601 UTC text written by the app's clock;
 * - credentials are JSON text, not Fernet blobs (the browser database is the secret store);
 * - foreign keys are enforced; deleting a brokerage deletes its configurations; history keeps
 *   the brokerage name as text, so deleting a brokerage never deletes its upload history;
 * - `needs_credentials` marks configurations restored without usable credentials;
 * - `timestamp_unknown` marks history rows whose original timestamp was lost (bug B1);
 * - `app_meta` and `activity_log` are this browser's own bookkeeping, and so are
 *   `processing_runs` / `processing_loads` (version 2: which loads of a run were sent) and
 *   `team_store` (version 3: this browser's place in the team store, see team-store-settings.ts;
 *   version 5: whether that store is an S3 bucket or a shared folder).
 */
const MIGRATIONS: readonly string[] = [
  // 1: the initial schema.
  `
  CREATE TABLE brokerages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    is_active INTEGER NOT NULL DEFAULT 1
  );

  CREATE TABLE brokerage_configurations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    brokerage_name TEXT NOT NULL
      REFERENCES brokerages(name) ON UPDATE CASCADE ON DELETE CASCADE,
    configuration_name TEXT NOT NULL,
    field_mappings TEXT NOT NULL DEFAULT '{}',
    api_credentials TEXT NOT NULL DEFAULT '{}',
    auth_type TEXT NOT NULL DEFAULT 'api_key' CHECK (auth_type IN ('api_key', 'bearer_token')),
    bearer_token TEXT,
    file_headers TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_used_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    is_active INTEGER NOT NULL DEFAULT 1,
    description TEXT,
    needs_credentials INTEGER NOT NULL DEFAULT 0,
    UNIQUE (brokerage_name, configuration_name)
  );

  CREATE TABLE upload_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    brokerage_name TEXT NOT NULL,
    configuration_name TEXT,
    filename TEXT NOT NULL,
    total_records INTEGER NOT NULL DEFAULT 0,
    successful_records INTEGER NOT NULL DEFAULT 0,
    failed_records INTEGER NOT NULL DEFAULT 0,
    error_log TEXT,
    processing_time_seconds REAL,
    file_headers TEXT,
    upload_timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    session_id TEXT,
    timestamp_unknown INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX upload_history_newest ON upload_history (upload_timestamp DESC, id DESC);
  CREATE INDEX upload_history_by_brokerage
    ON upload_history (brokerage_name, upload_timestamp DESC, id DESC);

  CREATE TABLE processing_errors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    upload_history_id INTEGER REFERENCES upload_history(id) ON DELETE CASCADE,
    row_number INTEGER,
    field_name TEXT,
    error_type TEXT,
    error_message TEXT,
    suggested_fix TEXT,
    original_value TEXT,
    expected_format TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE INDEX processing_errors_by_upload ON processing_errors (upload_history_id);

  CREATE TABLE configuration_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    configuration_id INTEGER REFERENCES brokerage_configurations(id) ON DELETE SET NULL,
    change_type TEXT NOT NULL,
    change_description TEXT,
    old_value TEXT,
    new_value TEXT,
    changed_by TEXT,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE INDEX configuration_changes_by_config ON configuration_changes (configuration_id);

  CREATE TABLE app_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE activity_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    details TEXT
  );
  `,
  // 2: the sending state of CSV processing runs (src/core/db/processing-runs.ts). This browser's
  // own bookkeeping, like app_meta: not carried in backups (a restore starts them empty), because
  // a run can only be continued here, with the file it was read from.
  `
  CREATE TABLE processing_runs (
    upload_history_id INTEGER PRIMARY KEY REFERENCES upload_history(id) ON DELETE CASCADE,
    configuration_id INTEGER REFERENCES brokerage_configurations(id) ON DELETE SET NULL,
    state TEXT NOT NULL CHECK (state IN ('sending', 'finished', 'cancelled', 'stopped')),
    stop_reason TEXT,
    file_fingerprint TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    field_mappings TEXT NOT NULL,
    invalid_records INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE processing_loads (
    upload_history_id INTEGER NOT NULL REFERENCES upload_history(id) ON DELETE CASCADE,
    row_number INTEGER NOT NULL,
    load_number TEXT,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'invalid')),
    key_generation INTEGER NOT NULL DEFAULT 1,
    status_code INTEGER,
    message TEXT,
    may_have_arrived INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (upload_history_id, row_number)
  ) WITHOUT ROWID;
  `,
  // 3: the team store (src/core/db/team-store-settings.ts): one row, this browser's identity in the
  // team (device id, browser name, person) and, while connected, where the store is, its key and
  // the opened team key. Never in a backup file (not a data table); a restore, merge, undo or
  // snapshot restore keeps this browser's row (core/backup/restore/finish.ts). The app lock seals
  // it at rest with the rest of the database.
  `
  CREATE TABLE team_store (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    browser_name TEXT NOT NULL,
    person TEXT NOT NULL,
    copy_before_risky INTEGER NOT NULL DEFAULT 0,
    endpoint TEXT,
    region TEXT,
    bucket TEXT,
    prefix TEXT,
    addressing TEXT CHECK (addressing IN ('path', 'virtual-host')),
    access_key_id TEXT,
    secret_access_key TEXT,
    team_id TEXT,
    team_key BLOB,
    connected_at TEXT,
    CHECK ((team_key IS NULL) = (secret_access_key IS NULL))
  );
  `,
  // 4: the team database's bookkeeping (src/core/team-sync/, docs/team-sync.md). Every table is
  // empty until this browser joins a team; none of them is carried in backup files.
  TEAM_SYNC_TABLES,
  // 5: where this browser's team store is — an S3 bucket, or the team's shared folder (its handle
  // lives in IndexedDB, not here: a browser keeps what a person picked, and no file carries it).
  `
  ALTER TABLE team_store ADD COLUMN store_kind TEXT NOT NULL DEFAULT 's3' CHECK (store_kind IN ('s3', 'folder'));
  `,
];

/** The schema version this build writes; databases and backups from a newer one are refused. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The tables a backup carries, in dependency order (parents first). */
export const DATA_TABLES = [
  'brokerages',
  'brokerage_configurations',
  'upload_history',
  'processing_errors',
  'configuration_changes',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** Reads `PRAGMA user_version`. */
export function readSchemaVersion(db: Database): number {
  const value = db.exec('PRAGMA user_version')[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}

/**
 * Brings a database up to SCHEMA_VERSION, each migration in its own transaction.
 * Throws if the database was written by a newer schema (the caller turns that into a message).
 */
export function migrateDatabase(db: Database): void {
  const current = readSchemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new NewerSchemaError(current);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.exec('BEGIN');
    try {
      db.exec(MIGRATIONS[version] ?? '');
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Thrown when a stored database comes from a newer FF2API Web. */
export class NewerSchemaError extends Error {
  constructor(readonly foundVersion: number) {
    super(`Database schema ${foundVersion} is newer than ${SCHEMA_VERSION}`);
    this.name = 'NewerSchemaError';
  }
}
