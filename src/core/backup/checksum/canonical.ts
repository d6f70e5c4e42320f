import type {
  BrokerageRow,
  ConfigurationChangeRow,
  ConfigurationRow,
  DataTables,
  ProcessingErrorRow,
  UploadRow,
} from '../../db/rows';
import type { DataTable } from '../../db/schema';
import { encodeUtf8, type Bytes } from '../format/encoding';

/**
 * The canonical serialization of the data sections. It is what the checksum covers and, byte for
 * byte, the data part of a plain file we write — so writing a backup stringifies each row once.
 * Precisely (docs/backup-format.md, "Checksum"):
 *
 *   JSON.stringify({ brokerages, brokerage_configurations, upload_history, processing_errors,
 *                    configuration_changes })
 *
 * with each row an object whose keys are exactly TABLE_COLUMNS[table] in that order, every value
 * as stored, except the JSON columns (configuration field_mappings, api_credentials and
 * file_headers; history file_headers), which hold the JSON value their text denotes. Readers
 * re-serialize the rows they parsed, so key order and spacing in a file never matter.
 */

type JsonValue = unknown;
type Parse = (text: string | null) => JsonValue;

/** The canonical text: one JSON object of the five data sections. */
export function canonicalText(tables: DataTables): string {
  const parse = memoisedParse();
  const canonical = {
    brokerages: tables.brokerages.map(canonicalBrokerage),
    brokerage_configurations: tables.brokerage_configurations.map((row) => canonicalConfiguration(row, parse)),
    upload_history: tables.upload_history.map((row) => canonicalUpload(row, parse)),
    processing_errors: tables.processing_errors.map(canonicalProcessingError),
    configuration_changes: tables.configuration_changes.map(canonicalChange),
  } satisfies Record<DataTable, unknown[]>;
  return JSON.stringify(canonical);
}

/** SHA-256 (hex) of the canonical serialization: the checksum a backup carries. */
export async function computeChecksum(tables: DataTables): Promise<string> {
  return sha256Hex(encodeUtf8(canonicalText(tables)));
}

/** SHA-256 of bytes as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

// One explicit object literal per table: every row gets the same hidden class, which keeps
// JSON.stringify on V8's fast path (3× faster than building row text by concatenation), and the
// literal fixes the key order. `?? null` because JSON.stringify would drop an undefined key.

function canonicalBrokerage(r: BrokerageRow) {
  return { id: r.id, name: r.name, created_at: r.created_at, updated_at: r.updated_at, is_active: r.is_active };
}

function canonicalConfiguration(r: ConfigurationRow, parse: Parse) {
  return {
    id: r.id,
    brokerage_name: r.brokerage_name,
    configuration_name: r.configuration_name,
    field_mappings: parse(r.field_mappings),
    api_credentials: parse(r.api_credentials),
    auth_type: r.auth_type,
    bearer_token: r.bearer_token ?? null,
    file_headers: parse(r.file_headers),
    created_at: r.created_at,
    updated_at: r.updated_at,
    last_used_at: r.last_used_at ?? null,
    version: r.version,
    is_active: r.is_active,
    description: r.description ?? null,
    needs_credentials: r.needs_credentials,
  };
}

function canonicalUpload(r: UploadRow, parse: Parse) {
  return {
    id: r.id,
    brokerage_name: r.brokerage_name,
    configuration_name: r.configuration_name ?? null,
    filename: r.filename,
    total_records: r.total_records,
    successful_records: r.successful_records,
    failed_records: r.failed_records,
    error_log: r.error_log ?? null,
    processing_time_seconds: r.processing_time_seconds ?? null,
    file_headers: parse(r.file_headers),
    upload_timestamp: r.upload_timestamp,
    session_id: r.session_id ?? null,
    timestamp_unknown: r.timestamp_unknown,
  };
}

function canonicalProcessingError(r: ProcessingErrorRow) {
  return {
    id: r.id,
    upload_history_id: r.upload_history_id ?? null,
    row_number: r.row_number ?? null,
    field_name: r.field_name ?? null,
    error_type: r.error_type ?? null,
    error_message: r.error_message ?? null,
    suggested_fix: r.suggested_fix ?? null,
    original_value: r.original_value ?? null,
    expected_format: r.expected_format ?? null,
    created_at: r.created_at,
  };
}

function canonicalChange(r: ConfigurationChangeRow) {
  return {
    id: r.id,
    configuration_id: r.configuration_id ?? null,
    change_type: r.change_type,
    change_description: r.change_description ?? null,
    old_value: r.old_value ?? null,
    new_value: r.new_value ?? null,
    changed_by: r.changed_by ?? null,
    changed_at: r.changed_at,
  };
}

/**
 * JSON.parse of stored JSON text, memoised: history rows repeat the same header lists, and a
 * parsed value is only read, never changed. Text that is not JSON (a database fault) throws a
 * clear error rather than being written as something else.
 */
function memoisedParse(): Parse {
  const seen = new Map<string, JsonValue>();
  return (text) => {
    if (text === null || text === undefined) return null;
    let value = seen.get(text);
    if (value === undefined) {
      try {
        value = JSON.parse(text) as JsonValue;
      } catch (error) {
        throw new Error(`Stored JSON text is not valid JSON: ${String(error)}: ${text.slice(0, 80)}`, { cause: error });
      }
      seen.set(text, value);
    }
    return value;
  };
}
