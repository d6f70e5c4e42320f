/**
 * Processing runs: one `upload_history` row per run (the team's record, carried in backups) and
 * one `processing_runs` row with its sending state (this browser's bookkeeping). Counts on the
 * history row are recomputed from `processing_loads` on every batch, so they are always what the
 * loads' recorded states say.
 */
import type { RowProblem } from '../csv/row-reader';
import { insertValidationErrors } from './processing-errors';
import { insertInvalidLoads, type InvalidRow } from './processing-loads';
import type { UploadRow } from './rows';
import { insertedRowId } from './inserted-id';
import { notSentOf, type RunState } from './run-standing';
import type { Database } from './sql-types';
import { selectRows } from './transaction';

export type { RunState };

const SQL = {
  insertHistory: `INSERT INTO upload_history (brokerage_name, configuration_name, filename, total_records, successful_records,
      failed_records, error_log, processing_time_seconds, file_headers, upload_timestamp, session_id, timestamp_unknown)
    VALUES (?, ?, ?, ?, 0, ?, NULL, 0, ?, ?, ?, 0)`,
  insertRun: `INSERT INTO processing_runs (upload_history_id, configuration_id, state, stop_reason, file_fingerprint, file_size,
      field_mappings, invalid_records, owner, started_at, updated_at)
    VALUES (?, ?, 'sending', NULL, ?, ?, ?, ?, ?, ?, ?)`,
  setState:
    'UPDATE processing_runs SET state = ?, stop_reason = ?, owner = ?, updated_at = ? WHERE upload_history_id = ?',
  refreshCounts: `UPDATE upload_history SET
      successful_records = (SELECT COUNT(*) FROM processing_loads WHERE upload_history_id = ?1 AND state = 'sent'),
      failed_records = (SELECT COUNT(*) FROM processing_loads WHERE upload_history_id = ?1 AND state IN ('failed', 'invalid')),
      processing_time_seconds = ?2
    WHERE id = ?1`,
  summary: `SELECT h.id, h.brokerage_name, h.configuration_name, h.filename, h.total_records, h.successful_records,
      h.failed_records, h.upload_timestamp, h.session_id, h.file_headers, h.processing_time_seconds,
      r.configuration_id, r.state, r.stop_reason, r.file_fingerprint, r.file_size, r.field_mappings, r.invalid_records,
      r.owner, r.started_at, r.updated_at,
      (SELECT COUNT(*) FROM processing_loads l WHERE l.upload_history_id = h.id AND l.state = 'claimed') AS claimed
    FROM upload_history h JOIN processing_runs r ON r.upload_history_id = h.id`,
  open: "WHERE r.state <> 'finished' OR EXISTS (SELECT 1 FROM processing_loads l WHERE l.upload_history_id = h.id AND l.state = 'claimed')",
  byId: 'WHERE h.id = ?',
  ofFile: 'WHERE r.configuration_id = ? AND r.file_fingerprint = ?',
  newestFirst: 'ORDER BY h.upload_timestamp DESC, h.id DESC LIMIT ?',
} as const;

/** What starting a run records. */
export interface NewRun {
  brokerageName: string;
  configurationName: string;
  configurationId: number;
  fileName: string;
  totalRows: number;
  headers: readonly string[];
  sessionId: string;
  fingerprint: string;
  fileSize: number;
  mappings: Record<string, string>;
  /** Every problem of every invalid row (one processing_errors row each). */
  problems: readonly RowProblem[];
  /** The invalid rows (each recorded as a failed load with its problems). */
  invalidRows: readonly InvalidRow[];
  owner: string;
}

/** A run as the UI shows it: counts by state, and whether it can go on. */
export interface RunSummary {
  id: number;
  brokerageName: string;
  configurationName: string | null;
  configurationId: number | null;
  fileName: string;
  total: number;
  sent: number;
  /** Invalid rows plus loads the API refused. */
  failed: number;
  invalid: number;
  /** Loads being sent, or (interrupted) whose POST may have reached the server unrecorded. */
  claimed: number;
  /** Valid rows never sent. */
  notSent: number;
  state: RunState;
  stopReason: string | null;
  owner: string | null;
  fingerprint: string;
  fileSize: number;
  mappings: Record<string, string>;
  headers: string[];
  sessionId: string | null;
  startedAt: string;
  updatedAt: string;
  processingSeconds: number;
}

/** Records a new run: its history row, its state row and its validation errors; returns its id. */
export function createRun(db: Database, run: NewRun, now: string): number {
  db.run(SQL.insertHistory, [
    run.brokerageName,
    run.configurationName,
    run.fileName,
    run.totalRows,
    run.invalidRows.length,
    JSON.stringify(run.headers),
    now,
    run.sessionId,
  ]);
  const id = insertedRowId(db, 'upload_history');
  db.run(SQL.insertRun, [
    id,
    run.configurationId,
    run.fingerprint,
    run.fileSize,
    JSON.stringify(run.mappings),
    run.invalidRows.length,
    run.owner,
    now,
    now,
  ]);
  insertValidationErrors(db, id, run.problems, now);
  insertInvalidLoads(db, id, run.invalidRows, now);
  return id;
}

/** Sets a run's state (and who sends it); the caller then refreshes its counts. */
export function setRunState(
  db: Database,
  id: number,
  state: RunState,
  reason: string | null,
  owner: string | null,
  now: string,
): void {
  db.run(SQL.setState, [state, reason, owner, now, id]);
}

/** Recomputes the history row's counts and time from the loads' states. */
export function refreshRunCounts(db: Database, id: number, processingSeconds: number): void {
  db.run(SQL.refreshCounts, [id, Math.round(processingSeconds * 1000) / 1000]);
}

/** One run, or null (deleted, or the database was restored since). */
export function readRun(db: Database, id: number): RunSummary | null {
  const row = selectRows<SummaryRow>(db, `${SQL.summary} ${SQL.byId}`, [id])[0];
  return row ? toSummary(row) : null;
}

/** Runs that are not finished, or still have loads whose outcome is unknown, newest first. */
export function listOpenRuns(db: Database, limit = 20): RunSummary[] {
  return selectRows<SummaryRow>(db, `${SQL.summary} ${SQL.open} ${SQL.newestFirst}`, [limit]).map(toSummary);
}

/** The runs of this very file (same bytes) with this configuration, newest first. */
export function listRunsOfFile(db: Database, configurationId: number, fingerprint: string, limit = 5): RunSummary[] {
  return selectRows<SummaryRow>(db, `${SQL.summary} ${SQL.ofFile} ${SQL.newestFirst}`, [
    configurationId,
    fingerprint,
    limit,
  ]).map(toSummary);
}

/** A run's upload row joined with its processing_runs row. */
interface SummaryRow extends Omit<UploadRow, 'error_log' | 'timestamp_unknown'> {
  configuration_id: number | null;
  state: RunState;
  stop_reason: string | null;
  file_fingerprint: string;
  file_size: number;
  field_mappings: string;
  invalid_records: number;
  owner: string | null;
  started_at: string;
  updated_at: string;
  claimed: number;
}

/** The summary of a joined row. */
function toSummary(row: SummaryRow): RunSummary {
  return {
    id: row.id,
    brokerageName: row.brokerage_name,
    configurationName: row.configuration_name,
    configurationId: row.configuration_id,
    fileName: row.filename,
    total: row.total_records,
    sent: row.successful_records,
    failed: row.failed_records,
    invalid: row.invalid_records,
    claimed: row.claimed,
    notSent: notSentOf(row.total_records, row.successful_records, row.failed_records, row.claimed),
    state: row.state,
    stopReason: row.stop_reason,
    owner: row.owner,
    fingerprint: row.file_fingerprint,
    fileSize: row.file_size,
    mappings: parseObject(row.field_mappings),
    headers: parseList(row.file_headers),
    sessionId: row.session_id,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    processingSeconds: row.processing_time_seconds ?? 0,
  };
}

/** A stored JSON object of strings, or {} when unreadable. */
function parseObject(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    }
  } catch {
    // fall through
  }
  return {};
}

/** A stored JSON list of strings, or [] when unreadable. */
function parseList(text: string | null): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
