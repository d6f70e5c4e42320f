/**
 * The files a run offers: its report (from the records) and its failed or successful rows as CSV
 * (from the file itself, in its own columns, header first, plus an `error` column).
 */
import { writeCsv } from '../../core/csv/csv-write';
import { errorColumnName, runFileName } from '../../core/csv/run-files';
import { writeRunReport } from '../../core/csv/run-report';
import { listLoads } from '../../core/db/processing-loads';
import { readRun } from '../../core/db/processing-runs';
import { selectRows } from '../../core/db/transaction';
import type { Database } from '../../core/db/sql-types';
import { fail, ok, type Result } from '../../core/result';
import type { LoadedFile } from './loaded-files';
import type { NamedFile } from './processing-types';

const MESSAGES = {
  noRun: 'That run no longer exists (perhaps a backup was restored).',
  needsFile: (name: string) => `The rows come from the file itself: choose “${name}” again, then download.`,
} as const;

const SQL = {
  validation: `SELECT row_number AS row, field_name AS field, original_value AS value, expected_format AS expected, error_message AS message
    FROM processing_errors WHERE upload_history_id = ? AND error_type = 'validation' ORDER BY row_number, id`,
} as const;

/** The run's processing report. */
export function buildReport(db: Database, runId: number, now: Date, appVersion: string): Result<NamedFile> {
  const run = readRun(db, runId);
  if (!run) return fail('run-missing', MESSAGES.noRun);
  const loads = listLoads(db, runId);
  const validation = selectRows<{
    row: number;
    field: string | null;
    value: string | null;
    expected: string | null;
    message: string | null;
  }>(db, SQL.validation, [runId]);
  const text = writeRunReport({
    createdAt: now.toISOString(),
    appVersion,
    run: {
      id: run.id,
      brokerage: run.brokerageName,
      configuration: run.configurationName,
      file: run.fileName,
      state: run.state,
      stopReason: run.stopReason,
      startedAt: run.startedAt,
      sessionId: run.sessionId,
      processingSeconds: run.processingSeconds,
      total: run.total,
      sent: run.sent,
      failed: run.failed,
      invalid: run.invalid,
      uncertain: run.claimed,
      notSent: run.notSent,
    },
    loads,
    validation,
  });
  return ok({
    fileName: runFileName('processing_report', now, 'json'),
    blob: new Blob([text], { type: 'application/json' }),
  });
}

/** Failed rows (invalid ones and those the API refused) or successful rows, as CSV. */
export function buildRowsCsv(
  db: Database,
  runId: number,
  file: LoadedFile | undefined,
  which: 'failed' | 'successful',
  now: Date,
): Result<NamedFile> {
  const run = readRun(db, runId);
  if (!run) return fail('run-missing', MESSAGES.noRun);
  if (!file || file.fingerprint !== run.fingerprint) return fail('needs-file', MESSAGES.needsFile(run.fileName));
  const loads = listLoads(db, runId);
  if (which === 'successful') {
    const rows = loads.filter((load) => load.state === 'sent').map((load) => file.rows[load.row - 1] ?? []);
    const text = writeCsv(file.rawHeaders, rows);
    return ok({ fileName: runFileName('successful_rows', now, 'csv'), blob: new Blob([text], { type: 'text/csv' }) });
  }
  const rows = loads
    .filter((load) => load.state === 'failed' || load.state === 'invalid')
    .map((load) => [
      ...padded(file.rows[load.row - 1] ?? [], file.rawHeaders.length),
      load.message ?? `HTTP ${load.statusCode ?? '?'}`,
    ]);
  const text = writeCsv([...file.rawHeaders, errorColumnName(file.rawHeaders)], rows);
  return ok({ fileName: runFileName('failed_rows', now, 'csv'), blob: new Blob([text], { type: 'text/csv' }) });
}

/** A short (ragged) row padded to the header's width, so the error lands in its own column. */
function padded(cells: readonly string[], width: number): string[] {
  return cells.length >= width ? [...cells] : [...cells, ...Array.from({ length: width - cells.length }, () => '')];
}
