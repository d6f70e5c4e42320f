import { TABLE_COLUMNS } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import { forEachRowById } from '../../db/rows-by-id';
import type { Database, SqlValue } from '../../db/sql-types';
import { CanonicalHasher } from './streaming-hash';
import { isStorableText, toStorableText } from '../format/text-rule';

/**
 * The canonical text of a database's rows, read straight from SQLite one row at a time in id
 * order (docs/backup-format.md §2). It is both what a backup file's data lines hold and what
 * its checksum covers, so the writer stringifies each row once, and a restore certifies the
 * database it built — every row as stored — with one read and one hash, instead of comparing
 * every column with a plan held in memory.
 */

export type Values = SqlValue[];
/** Reads a JSON column's stored text as the value the canonical row holds. */
export type JsonColumnParse = (text: SqlValue) => unknown;
type Parse = JsonColumnParse;

// One object literal per table: the key order is the canonical one, and a fixed shape keeps
// JSON.stringify on V8's fast path. JSON columns hold the JSON value their text denotes.
const CANONICAL: { readonly [T in DataTable]: (v: Values, parse: Parse) => object } = {
  brokerages: (v) => ({ id: v[0], name: v[1], created_at: v[2], updated_at: v[3], is_active: v[4] }),
  brokerage_configurations: (v, p) => ({
    id: v[0],
    brokerage_name: v[1],
    configuration_name: v[2],
    field_mappings: p(v[3] ?? null),
    api_credentials: p(v[4] ?? null),
    auth_type: v[5],
    bearer_token: v[6],
    file_headers: p(v[7] ?? null),
    created_at: v[8],
    updated_at: v[9],
    last_used_at: v[10],
    version: v[11],
    is_active: v[12],
    description: v[13],
    needs_credentials: v[14],
  }),
  upload_history: (v, p) => ({
    id: v[0],
    brokerage_name: v[1],
    configuration_name: v[2],
    filename: v[3],
    total_records: v[4],
    successful_records: v[5],
    failed_records: v[6],
    error_log: v[7],
    processing_time_seconds: v[8],
    file_headers: p(v[9] ?? null),
    upload_timestamp: v[10],
    session_id: v[11],
    timestamp_unknown: v[12],
  }),
  processing_errors: (v) => ({
    id: v[0],
    upload_history_id: v[1],
    row_number: v[2],
    field_name: v[3],
    error_type: v[4],
    error_message: v[5],
    suggested_fix: v[6],
    original_value: v[7],
    expected_format: v[8],
    created_at: v[9],
  }),
  configuration_changes: (v) => ({
    id: v[0],
    configuration_id: v[1],
    change_type: v[2],
    change_description: v[3],
    old_value: v[4],
    new_value: v[5],
    changed_by: v[6],
    changed_at: v[7],
  }),
};

/**
 * Calls `onRow` with each row's canonical text (and the canonical object, for checks), in id
 * order; `adjust` may rewrite a row's stored values first (the writer's omitted secrets).
 * Returns the number of rows.
 */
export function forEachCanonicalRow(
  db: Database,
  table: DataTable,
  onRow: (text: string, row: object) => void,
  adjust?: (values: Values) => void,
): number {
  const parse = jsonColumnParser();
  const build = CANONICAL[table];
  return forEachRowById(db, table, TABLE_COLUMNS[table], (values) => {
    toStorableValues(values);
    adjust?.(values);
    const row = build(values, parse);
    onRow(JSON.stringify(row), row);
  });
}

/** One row's canonical text from its stored values in TABLE_COLUMNS order (`parse` from jsonColumnParser). */
export function canonicalRowText(table: DataTable, values: Values, parse: JsonColumnParse): string {
  return JSON.stringify(CANONICAL[table](values, parse));
}

/** The content checksum of a database's data tables (the one its backup file would carry); `onRows` hears progress. */
export async function databaseChecksum(
  db: Database,
  onRows: (table: DataTable, rows: number) => void = () => {},
): Promise<string> {
  const hasher = await CanonicalHasher.create();
  for (const table of DATA_TABLES) {
    hasher.startSection(table);
    let rows = 0;
    forEachCanonicalRow(db, table, (text) => {
      hasher.addRow(text);
      if (++rows % 50_000 === 0) onRows(table, 50_000);
    });
    onRows(table, rows % 50_000);
  }
  return await hasher.finish();
}

/**
 * Text as a file may carry it (format/text-rule): sql.js drops only one leading U+FEFF when it
 * reads text back, so a value stored with two reads back with one, which no file can hold and
 * give back. Such invisible marks are dropped here, for the file and its checksum alike.
 */
function toStorableValues(values: Values): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'string' && !isStorableText(value)) values[i] = toStorableText(value);
  }
}

/**
 * JSON.parse of stored JSON text, memoised (history rows repeat the same header lists; a parsed
 * value is only read). Text that is not JSON — a database fault — throws a clear error rather
 * than being written as something else. One per pass over the rows.
 */
export function jsonColumnParser(): JsonColumnParse {
  const seen = new Map<string, unknown>();
  return (text) => {
    if (text === null) return null;
    if (typeof text !== 'string') throw new Error(`Stored JSON column is not text: ${typeof text}`);
    let value = seen.get(text);
    if (value === undefined) {
      try {
        value = JSON.parse(text) as unknown;
      } catch (error) {
        throw new Error(`Stored JSON text is not valid JSON: ${String(error)}: ${text.slice(0, 80)}`, { cause: error });
      }
      if (seen.size < 10_000) seen.set(text, value);
    }
    return value;
  };
}
