import { normalizeName } from '../../names';
import type { DataTables } from '../../db/rows';
import type { DataTable } from '../../db/schema';
import { MAX_COUNT, MAX_DOCUMENT_LENGTH, MAX_ID, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../format/limits';
import { isStorableText, UNSTORABLE_TEXT } from '../format/text-rule';
import type { ProblemLog } from './problems';
import { isIsoUtc } from '../format/timestamps';
import {
  Bad,
  checkCredentialObject,
  checkHeaderList,
  checkMappingObject,
  describeKind,
  isPlainObject,
  reservedKeyOf,
} from '../format/values';

/**
 * Row checks for the data sections of our own 2.x files. Hand-written rather than zod: these
 * sections hold 100k+ rows, and zod took about 8× as long as hand-written checks on upload
 * history (docs/performance.md: 85 ms vs 10 ms per 100k rows), most of a restore's validation time. One object
 * literal per table names every column (the compiler checks none is missing) and keeps V8 on
 * monomorphic property access. Values are taken exactly as written — our files need no repair —
 * so the rows read serialize back to the file's checksum.
 */

type Raw = Record<string, unknown>;
type RowReaderFn<T extends DataTable> = (c: ColumnChecker, r: Raw) => DataTables[T][number];

const ROW_READERS: { [T in DataTable]: RowReaderFn<T> } = {
  brokerages: (c, r) => ({
    id: c.id(r.id, 'id'),
    name: c.name(r.name, 'name'),
    created_at: c.time(r.created_at, 'created_at'),
    updated_at: c.time(r.updated_at, 'updated_at'),
    is_active: c.flag(r.is_active, 'is_active'),
  }),
  brokerage_configurations: (c, r) => ({
    id: c.id(r.id, 'id'),
    brokerage_name: c.name(r.brokerage_name, 'brokerage_name'),
    configuration_name: c.name(r.configuration_name, 'configuration_name'),
    field_mappings: c.mapping(r.field_mappings, 'field_mappings'),
    api_credentials: c.credentials(r.api_credentials, 'api_credentials'),
    auth_type: c.authType(r.auth_type, 'auth_type'),
    bearer_token: c.optionalText(r.bearer_token, 'bearer_token', MAX_TEXT_LENGTH),
    file_headers: c.headers(r.file_headers, 'file_headers'),
    created_at: c.time(r.created_at, 'created_at'),
    updated_at: c.time(r.updated_at, 'updated_at'),
    last_used_at: c.optionalTime(r.last_used_at, 'last_used_at'),
    version: c.positive(r.version, 'version'),
    is_active: c.flag(r.is_active, 'is_active'),
    description: c.optionalText(r.description, 'description', MAX_TEXT_LENGTH),
    needs_credentials: c.flag(r.needs_credentials, 'needs_credentials'),
  }),
  upload_history: (c, r) => ({
    id: c.id(r.id, 'id'),
    brokerage_name: c.name(r.brokerage_name, 'brokerage_name'),
    configuration_name: c.optionalName(r.configuration_name, 'configuration_name'),
    filename: c.text(r.filename, 'filename', MAX_TEXT_LENGTH),
    total_records: c.count(r.total_records, 'total_records'),
    successful_records: c.count(r.successful_records, 'successful_records'),
    failed_records: c.count(r.failed_records, 'failed_records'),
    error_log: c.optionalText(r.error_log, 'error_log', MAX_DOCUMENT_LENGTH),
    processing_time_seconds: c.seconds(r.processing_time_seconds, 'processing_time_seconds'),
    file_headers: c.headers(r.file_headers, 'file_headers'),
    upload_timestamp: c.time(r.upload_timestamp, 'upload_timestamp'),
    session_id: c.optionalText(r.session_id, 'session_id', MAX_TEXT_LENGTH),
    timestamp_unknown: c.flag(r.timestamp_unknown, 'timestamp_unknown'),
  }),
  processing_errors: (c, r) => ({
    id: c.id(r.id, 'id'),
    upload_history_id: c.optionalId(r.upload_history_id, 'upload_history_id'),
    row_number: c.optionalCount(r.row_number, 'row_number'),
    field_name: c.optionalText(r.field_name, 'field_name', MAX_TEXT_LENGTH),
    error_type: c.optionalText(r.error_type, 'error_type', MAX_TEXT_LENGTH),
    error_message: c.optionalText(r.error_message, 'error_message', MAX_DOCUMENT_LENGTH),
    suggested_fix: c.optionalText(r.suggested_fix, 'suggested_fix', MAX_TEXT_LENGTH),
    original_value: c.optionalText(r.original_value, 'original_value', MAX_DOCUMENT_LENGTH),
    expected_format: c.optionalText(r.expected_format, 'expected_format', MAX_TEXT_LENGTH),
    created_at: c.time(r.created_at, 'created_at'),
  }),
  configuration_changes: (c, r) => ({
    id: c.id(r.id, 'id'),
    configuration_id: c.optionalId(r.configuration_id, 'configuration_id'),
    change_type: c.text(r.change_type, 'change_type', MAX_TEXT_LENGTH),
    change_description: c.optionalText(r.change_description, 'change_description', MAX_TEXT_LENGTH),
    old_value: c.optionalText(r.old_value, 'old_value', MAX_DOCUMENT_LENGTH),
    new_value: c.optionalText(r.new_value, 'new_value', MAX_DOCUMENT_LENGTH),
    changed_by: c.optionalText(r.changed_by, 'changed_by', MAX_TEXT_LENGTH),
    changed_at: c.time(r.changed_at, 'changed_at'),
  }),
};

/**
 * Reads the rows of our own 2.x files one at a time: every row an object holding every column.
 * A row with a problem gives null (the file is refused anyway); every problem is logged where it is.
 */
export class RowReader {
  private readonly checkers = new Map<DataTable, ColumnChecker>();
  private readonly jsonMemo: WeakMap<object, unknown> | null;

  /**
   * `isReusingJsonValues`: the rows' JSON column values are shared, never changed objects (the
   * writer's, parsed once per distinct text), so each one's check is remembered.
   */
  constructor(
    private readonly problems: ProblemLog,
    private readonly names = new NameMemo(),
    isReusingJsonValues = false,
  ) {
    this.jsonMemo = isReusingJsonValues ? new WeakMap() : null;
  }

  /** The checked row, or null (problems logged at `table`, `index`). */
  read<T extends DataTable>(table: T, raw: unknown, index: number): DataTables[T][number] | null {
    if (!isPlainObject(raw)) {
      this.problems.add(table, index, undefined, `should be an object, but is ${describeKind(raw)}`);
      return null;
    }
    const reserved = reservedKeyOf(raw);
    if (reserved !== undefined) {
      this.problems.add(table, index, reserved, `uses the reserved key "${reserved}", which no backup row has`);
      return null;
    }
    let checker = this.checkers.get(table);
    if (!checker) {
      checker = new ColumnChecker(table, this.problems, this.names, this.jsonMemo);
      this.checkers.set(table, checker);
    }
    checker.begin(index);
    const row = (ROW_READERS[table] as RowReaderFn<T>)(checker, raw);
    return checker.failed ? null : row;
  }
}

/** Name checks remembered per file: history repeats a few names 100k times. */
export class NameMemo {
  private readonly seen = new Map<string, string | Bad>();

  /** The stored name, or why it is not one. Names must already be in the app's form. */
  check(value: string): string | Bad {
    let checked = this.seen.get(value);
    if (checked === undefined) {
      checked = checkStoredName(value);
      if (value.length <= MAX_NAME_LENGTH * 4) this.seen.set(value, checked);
    }
    return checked;
  }
}

function checkStoredName(v: string): string | Bad {
  if (v.trim() === '') return new Bad('is empty');
  if (!isStorableText(v)) return new Bad(UNSTORABLE_TEXT);
  if (v.length > MAX_NAME_LENGTH * 2 || [...v].length > MAX_NAME_LENGTH)
    return new Bad(`is longer than ${MAX_NAME_LENGTH} characters`);
  if (normalizeName(v) !== v) return new Bad('has spaces at its ends or runs of spaces, which FF2API Web never writes');
  return v;
}

/**
 * One check per kind of column. A failed check logs the problem, marks the row failed and returns
 * a placeholder of the right type, so a row reader is a plain object literal.
 */
class ColumnChecker {
  failed = false;
  private index = 0;

  constructor(
    private readonly table: DataTable,
    private readonly problems: ProblemLog,
    private readonly names: NameMemo,
    private readonly jsonMemo: WeakMap<object, unknown> | null,
  ) {}

  begin(index: number): void {
    this.index = index;
    this.failed = false;
  }

  id(v: unknown, field: string): number {
    if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= MAX_ID) return v;
    return this.wrong(field, v, `should be a whole number from 1 to ${MAX_ID.toLocaleString('en-US')}`, 0);
  }

  optionalId(v: unknown, field: string): number | null {
    return v === null ? null : this.id(v, field);
  }

  count(v: unknown, field: string): number {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return v;
    return this.wrong(field, v, 'should be a whole number from 0 to 1,000,000,000,000', 0);
  }

  optionalCount(v: unknown, field: string): number | null {
    return v === null ? null : this.count(v, field);
  }

  positive(v: unknown, field: string): number {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_COUNT) return v;
    return this.wrong(field, v, 'should be a whole number of 1 or more', 1);
  }

  flag(v: unknown, field: string): number {
    if (v === 0 || v === 1) return v;
    return this.wrong(field, v, 'should be 0 or 1', 0);
  }

  seconds(v: unknown, field: string): number | null {
    if (v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COUNT)) return v;
    return this.wrong(field, v, 'should be a number of seconds of 0 or more, or null', null);
  }

  text(v: unknown, field: string, max: number): string {
    if (typeof v !== 'string') return this.wrong(field, v, 'should be text', '');
    if (v.length > max) return this.bad(field, `is longer than ${max.toLocaleString('en-US')} characters`, '');
    return isStorableText(v) ? v : this.bad(field, UNSTORABLE_TEXT, '');
  }

  optionalText(v: unknown, field: string, max: number): string | null {
    return v === null ? null : this.text(v, field, max);
  }

  time(v: unknown, field: string): string {
    if (typeof v === 'string' && v.length <= 40 && isIsoUtc(v)) return v;
    if (typeof v !== 'string')
      return this.wrong(field, v, 'should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z', '');
    return this.bad(
      field,
      `should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z, but is "${v.slice(0, 40)}"`,
      '',
    );
  }

  optionalTime(v: unknown, field: string): string | null {
    return v === null ? null : this.time(v, field);
  }

  name(v: unknown, field: string): string {
    if (typeof v !== 'string') return this.wrong(field, v, 'should be text', '');
    return this.orBad(field, this.names.check(v), '');
  }

  optionalName(v: unknown, field: string): string | null {
    return v === null ? null : this.name(v, field);
  }

  authType(v: unknown, field: string): 'api_key' | 'bearer_token' {
    if (v === 'api_key' || v === 'bearer_token') return v;
    if (v === undefined) return this.bad(field, 'is missing', 'api_key');
    return this.bad(
      field,
      `should be "api_key" or "bearer_token", but is ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describeKind(v)}`,
      'api_key',
    );
  }

  mapping(v: unknown, field: string): string {
    return this.orBad(field, v === undefined ? new Bad('is missing') : this.remembered(v, checkMappingObject), '');
  }

  credentials(v: unknown, field: string): string {
    const checked =
      v === undefined
        ? new Bad('is missing')
        : this.remembered(v, (value) => {
            const credentials = checkCredentialObject(value);
            return credentials instanceof Bad ? credentials : JSON.stringify(credentials);
          });
    return checked instanceof Bad ? this.bad(field, checked.message, '') : checked;
  }

  headers(v: unknown, field: string): string | null {
    return this.orBad(field, v === undefined ? new Bad('is missing') : this.remembered(v, checkHeaderList), null);
  }

  /** A JSON column's check, remembered per object when the objects are shared (see RowReader). */
  private remembered<T>(value: unknown, check: (value: unknown) => T): T {
    if (this.jsonMemo === null || typeof value !== 'object' || value === null) return check(value);
    if (this.jsonMemo.has(value)) return this.jsonMemo.get(value) as T;
    const checked = check(value);
    this.jsonMemo.set(value, checked);
    return checked;
  }

  private orBad<T>(field: string, checked: T | Bad, placeholder: T): T {
    return checked instanceof Bad ? this.bad(field, checked.message, placeholder) : checked;
  }

  /** A value of the wrong kind: "is missing", or the expectation and what it is instead. */
  private wrong<T>(field: string, value: unknown, expectation: string, placeholder: T): T {
    return this.bad(
      field,
      value === undefined ? 'is missing' : `${expectation}, but is ${describeKind(value)}`,
      placeholder,
    );
  }

  /** Logs a problem at this row and field, marks the row failed, returns the placeholder. */
  private bad<T>(field: string, message: string, placeholder: T): T {
    this.failed = true;
    this.problems.add(this.table, this.index, field, message);
    return placeholder;
  }
}
