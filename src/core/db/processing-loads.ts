/**
 * The per-load sending state of a run (`processing_loads`): a load is `claimed` — durably, before
 * its POST is made — then `sent` or `failed` once the answer is known. A claim that never got
 * its answer recorded (the tab closed) is exactly the set of loads whose POST may have reached
 * the API unseen: they are shown as uncertain and never sent again without the user asking.
 */
import type { Database } from './sql-types';
import { selectRows, selectValue } from './transaction';
import { insertApiError } from './processing-errors';
import type { LoadOutcome } from './load-outcome';

/** A row that failed validation: recorded as a load that was never sent. */
export interface InvalidRow {
  row: number;
  loadNumber: string | null;
  message: string;
}

/** A load as stored. */
export interface StoredLoad {
  row: number;
  loadNumber: string | null;
  state: 'claimed' | 'sent' | 'failed' | 'invalid';
  keyGeneration: number;
  statusCode: number | null;
  message: string | null;
  mayHaveArrived: boolean;
}

const SQL = {
  claim: `INSERT INTO processing_loads (upload_history_id, row_number, load_number, state, key_generation, updated_at)
    VALUES (?1, ?2, ?3, 'claimed', 1, ?4)
    ON CONFLICT (upload_history_id, row_number) DO UPDATE SET state = 'claimed', updated_at = ?4,
      key_generation = key_generation + (CASE WHEN state = 'failed' AND may_have_arrived = 0 THEN 1 ELSE 0 END)`,
  record: `UPDATE processing_loads SET state = ?, load_number = COALESCE(?, load_number), status_code = ?, message = ?,
      may_have_arrived = ?, updated_at = ? WHERE upload_history_id = ? AND row_number = ? AND state = 'claimed'`,
  release:
    "DELETE FROM processing_loads WHERE upload_history_id = ? AND row_number = ? AND state = 'claimed' AND status_code IS NULL AND message IS NULL",
  releaseRetry:
    "UPDATE processing_loads SET state = 'failed' WHERE upload_history_id = ? AND row_number = ? AND state = 'claimed' AND (status_code IS NOT NULL OR message IS NOT NULL)",
  ofRun: `SELECT row_number AS row, load_number AS loadNumber, state, key_generation AS keyGeneration, status_code AS statusCode,
      message, may_have_arrived AS mayHaveArrived FROM processing_loads WHERE upload_history_id = ?`,
  byState: 'AND state = ?',
  failures: "AND state IN ('failed', 'invalid')",
  limit: 'LIMIT ?',
  countFailures: "SELECT COUNT(*) FROM processing_loads WHERE upload_history_id = ? AND state IN ('failed', 'invalid')",
  insertInvalid: `INSERT INTO processing_loads (upload_history_id, row_number, load_number, state, message, updated_at)
    VALUES (?, ?, ?, 'invalid', ?, ?)`,
  order: 'ORDER BY row_number',
} as const;

/** Claims loads before they are sent (a failed one claimed again keeps or renews its key). */
export function claimLoads(
  db: Database,
  runId: number,
  loads: readonly { row: number; loadNumber: string | null }[],
  now: string,
): void {
  const stmt = db.prepare(SQL.claim);
  try {
    for (const load of loads) stmt.run([runId, load.row, load.loadNumber, now]);
  } finally {
    stmt.free();
  }
}

/** Records final outcomes of claimed loads, with an API error row for each failure. */
export function recordOutcomes(db: Database, runId: number, outcomes: readonly LoadOutcome[], now: string): void {
  const stmt = db.prepare(SQL.record);
  try {
    for (const outcome of outcomes) {
      stmt.run([
        outcome.state,
        outcome.loadNumber,
        outcome.statusCode,
        outcome.message,
        outcome.mayHaveArrived ? 1 : 0,
        now,
        runId,
        outcome.row,
      ]);
      if (outcome.state === 'failed') insertApiError(db, runId, outcome, now);
    }
  } finally {
    stmt.free();
  }
}

/**
 * Gives back claims whose POST was never made (a cancel, a stop): a new claim becomes "not sent"
 * again; a failed load claimed for a resend goes back to failed.
 */
export function releaseClaims(db: Database, runId: number, rows: readonly number[]): void {
  for (const row of rows) {
    db.run(SQL.release, [runId, row]);
    db.run(SQL.releaseRetry, [runId, row]);
  }
}

/** A run's loads (optionally in one state), in row order. */
export function listLoads(db: Database, runId: number, state?: StoredLoad['state']): StoredLoad[] {
  const sql = state ? `${SQL.ofRun} ${SQL.byState} ${SQL.order}` : `${SQL.ofRun} ${SQL.order}`;
  const rows = selectRows<Omit<StoredLoad, 'mayHaveArrived'> & { mayHaveArrived: number }>(
    db,
    sql,
    state ? [runId, state] : [runId],
  );
  return rows.map((row) => ({ ...row, mayHaveArrived: row.mayHaveArrived === 1 }));
}

/** Records a run's invalid rows (never sent; they count as failed). */
export function insertInvalidLoads(db: Database, runId: number, rows: readonly InvalidRow[], now: string): void {
  if (rows.length === 0) return;
  const stmt = db.prepare(SQL.insertInvalid);
  try {
    for (const row of rows) stmt.run([runId, row.row, row.loadNumber, row.message, now]);
  } finally {
    stmt.free();
  }
}

/** A run's failures (invalid rows and refused loads) in row order, the first `limit`. */
export function listFailures(db: Database, runId: number, limit: number): { rows: StoredLoad[]; total: number } {
  const rows = selectRows<Omit<StoredLoad, 'mayHaveArrived'> & { mayHaveArrived: number }>(
    db,
    `${SQL.ofRun} ${SQL.failures} ${SQL.order} ${SQL.limit}`,
    [runId, limit],
  );
  return {
    rows: rows.map((row) => ({ ...row, mayHaveArrived: row.mayHaveArrived === 1 })),
    total: Number(selectValue(db, SQL.countFailures, [runId]) ?? 0),
  };
}
