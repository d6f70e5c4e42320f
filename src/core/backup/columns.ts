import { normalizeName } from '../names';
import type {
  BrokerageRow, ConfigurationChangeRow, ConfigurationRow, DataTables, ProcessingErrorRow, UploadRow,
} from '../db/rows';
import { TABLE_COLUMNS } from '../db/rows';
import type { DataTable } from '../db/schema';
import type { SqlValue } from '../db/sql-types';
import { MAX_COUNT, MAX_DOCUMENT_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from './limits';
import type { ProblemLog } from './problems';
import { isIsoUtc } from './timestamps';
import {
  Bad, checkCredentialObject, checkHeaderList, checkMappingObject, describeKind, isPlainObject, reservedKeyOf,
} from './values';

/**
 * Row checks for the data sections of our own 2.x files, one check per column. Hand-written
 * rather than zod: these sections hold 100k+ rows, and for upload history zod took about 8× as
 * long as this loop (PERF.md: 85 ms vs 10 ms per 100k rows) — most of a restore's validation
 * time. Values are taken exactly as written (our files are already normal), so the rows read
 * serialize back to the file's checksum.
 */

type Check<T> = (value: unknown) => T | Bad;
type RowChecks<Row> = { [K in keyof Row]-?: Check<Row[K]> };

const id: Check<number> = (v) =>
  Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : new Bad(`should be a whole number above 0, but is ${describeKind(v)}`);
const optionalId: Check<number | null> = (v) => (v === null ? null : id(v));
const count: Check<number> = (v) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT
    ? (v as number)
    : new Bad(`should be a whole number from 0 to ${MAX_COUNT.toExponential(0)}, but is ${describeKind(v)}`);
const optionalCount: Check<number | null> = (v) => (v === null ? null : count(v));
const positive: Check<number> = (v) => (v === 0 ? new Bad('should be at least 1, but is 0') : count(v));
const flag: Check<number> = (v) => (v === 0 || v === 1 ? v : new Bad(`should be 0 or 1, but is ${describeKind(v)}`));
const seconds: Check<number | null> = (v) =>
  v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COUNT)
    ? v
    : new Bad(`should be a number of seconds of 0 or more, or null, but is ${describeKind(v)}`);
const text =
  (max: number): Check<string> =>
  (v) =>
    typeof v !== 'string' ? new Bad(`should be text, but is ${describeKind(v)}`) : v.length > max ? new Bad(`is longer than ${max.toLocaleString('en-US')} characters`) : v;
const optionalText =
  (max: number): Check<string | null> =>
  (v) =>
    v === null ? null : text(max)(v);
const time: Check<string> = (v) =>
  typeof v === 'string' && v.length <= 40 && isIsoUtc(v) ? v : new Bad(`should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z, but is ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describeKind(v)}`);
const optionalTime: Check<string | null> = (v) => (v === null ? null : time(v));
const authType: Check<'api_key' | 'bearer_token'> = (v) =>
  v === 'api_key' || v === 'bearer_token' ? v : new Bad(`should be "api_key" or "bearer_token", but is ${JSON.stringify(v) ?? 'missing'}`);
const credentials: Check<string> = (v) => {
  const checked = checkCredentialObject(v);
  return checked instanceof Bad ? checked : JSON.stringify(checked);
};

/** Names must already be in the app's form (our writer never writes anything else). */
function storedNameCheck(): Check<string> {
  const seen = new Map<string, string | Bad>(); // history repeats a few names 100k times
  return (v) => {
    if (typeof v !== 'string') return new Bad(`should be text, but is ${describeKind(v)}`);
    let checked = seen.get(v);
    if (checked === undefined) {
      checked = checkStoredName(v);
      if (v.length <= MAX_NAME_LENGTH * 4) seen.set(v, checked);
    }
    return checked;
  };
}

function checkStoredName(v: string): string | Bad {
  if (v.trim() === '') return new Bad('is empty');
  if (v.length > MAX_NAME_LENGTH * 2 || [...v].length > MAX_NAME_LENGTH) return new Bad(`is longer than ${MAX_NAME_LENGTH} characters`);
  if (normalizeName(v) !== v) return new Bad('has spaces at its ends or runs of spaces, which FF2API Web never writes');
  return v;
}

/** The checks of every data table's columns. */
function tableChecks(): { [T in DataTable]: RowChecks<DataTables[T][number]> } {
  const name = storedNameCheck();
  const optionalName: Check<string | null> = (v) => (v === null ? null : name(v));
  return {
    brokerages: { id, name, created_at: time, updated_at: time, is_active: flag } satisfies RowChecks<BrokerageRow>,
    brokerage_configurations: {
      id, brokerage_name: name, configuration_name: name, field_mappings: checkMappingObject, api_credentials: credentials,
      auth_type: authType, bearer_token: optionalText(MAX_TEXT_LENGTH), file_headers: checkHeaderList, created_at: time,
      updated_at: time, last_used_at: optionalTime, version: positive, is_active: flag,
      description: optionalText(MAX_TEXT_LENGTH), needs_credentials: flag,
    } satisfies RowChecks<ConfigurationRow>,
    upload_history: {
      id, brokerage_name: name, configuration_name: optionalName, filename: text(MAX_TEXT_LENGTH), total_records: count,
      successful_records: count, failed_records: count, error_log: optionalText(MAX_DOCUMENT_LENGTH),
      processing_time_seconds: seconds, file_headers: checkHeaderList, upload_timestamp: time,
      session_id: optionalText(MAX_TEXT_LENGTH), timestamp_unknown: flag,
    } satisfies RowChecks<UploadRow>,
    processing_errors: {
      id, upload_history_id: optionalId, row_number: optionalCount, field_name: optionalText(MAX_TEXT_LENGTH),
      error_type: optionalText(MAX_TEXT_LENGTH), error_message: optionalText(MAX_DOCUMENT_LENGTH),
      suggested_fix: optionalText(MAX_TEXT_LENGTH), original_value: optionalText(MAX_DOCUMENT_LENGTH),
      expected_format: optionalText(MAX_TEXT_LENGTH), created_at: time,
    } satisfies RowChecks<ProcessingErrorRow>,
    configuration_changes: {
      id, configuration_id: optionalId, change_type: text(MAX_TEXT_LENGTH), change_description: optionalText(MAX_TEXT_LENGTH),
      old_value: optionalText(MAX_DOCUMENT_LENGTH), new_value: optionalText(MAX_DOCUMENT_LENGTH),
      changed_by: optionalText(MAX_TEXT_LENGTH), changed_at: time,
    } satisfies RowChecks<ConfigurationChangeRow>,
  };
}

/**
 * Reads one data section of a 2.x file: every row an object holding every column. Rows with a
 * problem are left out of the result (the file is refused anyway); every problem is logged.
 */
export function readSection<T extends DataTable>(
  table: T,
  rows: readonly unknown[],
  problems: ProblemLog,
  checks = tableChecks(),
): DataTables[T] {
  const columns: readonly string[] = TABLE_COLUMNS[table];
  const tableCheck = checks[table] as Record<string, Check<SqlValue>>;
  const columnChecks = columns.map((column) => tableCheck[column] as Check<SqlValue>);
  const result: Record<string, SqlValue>[] = [];
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    if (!isPlainObject(raw)) {
      problems.add(table, r, undefined, `should be an object, but is ${describeKind(raw)}`);
      continue;
    }
    const reserved = reservedKeyOf(raw);
    if (reserved !== undefined) {
      problems.add(table, r, reserved, `uses the reserved key "${reserved}", which no backup row has`);
      continue;
    }
    const row: Record<string, SqlValue> = {};
    let isGood = true;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as string;
      const value = raw[column];
      const checked = value === undefined ? new Bad('is missing') : (columnChecks[c] as Check<SqlValue>)(value);
      if (checked instanceof Bad) {
        problems.add(table, r, column, checked.message);
        isGood = false;
      } else row[column] = checked;
    }
    if (isGood) result.push(row);
  }
  return result as unknown as DataTables[T];
}

/** Fresh checks (their name memo is per file). */
export function createTableChecks(): ReturnType<typeof tableChecks> {
  return tableChecks();
}
