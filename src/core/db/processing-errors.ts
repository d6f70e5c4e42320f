/**
 * `processing_errors` rows of a run, one per problem: validation problems (row, field, value,
 * what is expected) and the load API's refusals. Written in the same transaction as the run's
 * other records; never holds credentials (bodies are loads, headers are not stored).
 */
import type { RowProblem } from '../csv/row-reader';
import type { LoadOutcome } from './load-outcome';
import type { ProcessingErrorRow } from './rows';
import type { Database } from './sql-types';
import { selectRows, selectValue } from './transaction';

const SQL = {
  insert: `INSERT INTO processing_errors (upload_history_id, row_number, field_name, error_type, error_message, suggested_fix,
      original_value, expected_format, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  page: `SELECT id, upload_history_id, row_number, field_name, error_type, error_message, suggested_fix, original_value,
      expected_format, created_at FROM processing_errors WHERE upload_history_id = ? ORDER BY row_number, id LIMIT ? OFFSET ?`,
  count: 'SELECT COUNT(*) FROM processing_errors WHERE upload_history_id = ?',
} as const;

const FIXES = {
  validation: 'Fix the value in the file (or the field mapping) and process the file again.',
  api: 'Read the API’s message; fix the row or the mapping, then use Resend failed rows.',
} as const;

/** The longest body kept with an API error (the whole load is in the file anyway). */
const MAX_BODY_CHARS = 4000;

/** Writes one row per validation problem, with one prepared statement. */
export function insertValidationErrors(
  db: Database,
  runId: number,
  problems: readonly RowProblem[],
  now: string,
): void {
  if (problems.length === 0) return;
  const stmt = db.prepare(SQL.insert);
  try {
    for (const problem of problems) {
      stmt.run([
        runId,
        problem.row,
        problem.field,
        'validation',
        problem.message,
        FIXES.validation,
        problem.value,
        problem.expected,
        now,
      ]);
    }
  } finally {
    stmt.free();
  }
}

/** Writes the error row of one load the API refused (or that could not be delivered). */
export function insertApiError(db: Database, runId: number, outcome: LoadOutcome, now: string): void {
  const body = outcome.body === undefined ? '' : outcome.body.slice(0, MAX_BODY_CHARS);
  const status = outcome.statusCode === null ? 'no answer' : `HTTP ${outcome.statusCode}`;
  db.run(SQL.insert, [
    runId,
    outcome.row,
    'api_submission',
    'api_error',
    `${status}: ${outcome.message ?? ''}`.trim(),
    FIXES.api,
    body,
    'Valid API payload',
    now,
  ]);
}

/** One page of a run's error rows, in row order. */
export function listRunErrors(
  db: Database,
  runId: number,
  limit: number,
  offset = 0,
): { rows: ProcessingErrorRow[]; total: number } {
  return {
    rows: selectRows<ProcessingErrorRow>(db, SQL.page, [runId, limit, offset]),
    total: Number(selectValue(db, SQL.count, [runId]) ?? 0),
  };
}
