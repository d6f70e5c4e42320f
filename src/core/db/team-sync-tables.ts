/**
 * The team database's bookkeeping tables (schema migration 4; the rules are in
 * src/core/team-sync/ and docs/team-sync.md). All are empty until this browser joins a team, and
 * none is carried in backup files: a backup holds the data tables only.
 *
 * Shared with the team (carried in team snapshots):
 * - team_sync_writes: every field write to a brokerage or configuration, with its hybrid logical
 *   clock (text that sorts in clock order, the device last) and who made it; the field's value is
 *   the latest write, and writes nobody overwrote knowingly are the conflicts;
 * - team_sync_overwritten: which writes a later write had seen (so they are not conflicts);
 * - team_sync_clocks: for history-like rows, the clock of each column changed after the row was
 *   first shared (a column never changed needs none);
 * - team_sync_dropped: history-like rows deleted (a delete is final);
 * - team_sync_links: what each configuration change points at, before the configuration it names
 *   is known or after it is deleted (the table itself holds the configuration's id or NULL);
 * - team_sync_waiting: shared rows whose parent row has not arrived yet;
 * - team_sync_restores: team restores (who replaced the team database with what, when).
 * This browser's own:
 * - team_sync_meta: this device, its id range, the clock, the current restore epoch;
 * - team_sync_switch: whether local writes are being captured, and this device's id range;
 * - team_sync_next_ids / team_sync_new_ids: the next id of each table in this device's range, and
 *   which id a just-inserted row got;
 * - team_sync_outbox: rows written here since the last capture (filled by triggers);
 * - team_sync_pending / team_sync_outgoing: captured changes not yet in a log object, and log
 *   objects not yet stored;
 * - team_sync_positions: how far each device's log has been read;
 * - team_sync_devices: the team's browsers as their state objects describe them;
 * - team_sync_lost: changes a team restore replaced before anyone saw them;
 * - team_sync_refused: objects in the store that were refused (tampered, foreign or unreadable).
 */
export const TEAM_SYNC_TABLES = `
  CREATE TABLE team_sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE team_sync_switch (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    capturing INTEGER NOT NULL,
    id_low INTEGER NOT NULL,
    id_high INTEGER NOT NULL
  );
  CREATE TABLE team_sync_next_ids (tbl TEXT PRIMARY KEY, next_id INTEGER NOT NULL);
  CREATE TABLE team_sync_new_ids (
    tbl TEXT NOT NULL, temp_id INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, temp_id)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    old TEXT
  );
  CREATE INDEX team_sync_outbox_by_row ON team_sync_outbox (tbl, row_id);
  CREATE TABLE team_sync_writes (
    tbl TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    hlc TEXT NOT NULL,
    value TEXT,
    person TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field, hlc)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_overwritten (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, field TEXT NOT NULL, hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field, hlc)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_clocks (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, col TEXT NOT NULL, hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, col)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_dropped (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (tbl, row_id)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_links (row_id INTEGER PRIMARY KEY, configuration_id INTEGER);
  CREATE TABLE team_sync_waiting (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, parent_id INTEGER NOT NULL, change TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, change)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_restores (id TEXT PRIMARY KEY, hlc TEXT NOT NULL, record TEXT NOT NULL);
  CREATE TABLE team_sync_pending (n INTEGER PRIMARY KEY AUTOINCREMENT, change TEXT NOT NULL);
  CREATE TABLE team_sync_outgoing (sequence INTEGER PRIMARY KEY, body TEXT NOT NULL, changes INTEGER NOT NULL);
  CREATE TABLE team_sync_positions (device TEXT PRIMARY KEY, sequence INTEGER NOT NULL);
  CREATE TABLE team_sync_devices (device TEXT PRIMARY KEY, state TEXT NOT NULL, etag TEXT NOT NULL);
  CREATE TABLE team_sync_lost (
    restore_id TEXT NOT NULL, hlc TEXT NOT NULL, field TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (restore_id, hlc, field)
  ) WITHOUT ROWID;
  CREATE TABLE team_sync_refused (name TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
`;
