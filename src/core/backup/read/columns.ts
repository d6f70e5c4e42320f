import type { DataTables } from '../../db/rows';
import type { DataTable } from '../../db/schema';
import { MAX_DOCUMENT_LENGTH, MAX_TEXT_LENGTH } from '../format/limits';
import type { ProblemLog } from './problems';
import { ColumnChecker, NameMemo } from './column-checker';
import { describeKind, isPlainObject, reservedKeyOf } from '../format/values';

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
