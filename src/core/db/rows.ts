/**
 * Row shapes exactly as stored, one interface per table, column names as in the schema.
 * JSON columns (field_mappings, api_credentials, file_headers, error_log, old/new_value) are
 * text here; the backup format decides how they appear in a file.
 */

export interface BrokerageRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  is_active: number;
}

export type AuthType = 'api_key' | 'bearer_token';

export interface ConfigurationRow {
  id: number;
  brokerage_name: string;
  configuration_name: string;
  /** JSON object text: API field path → CSV column or `MANUAL_VALUE:<v>` / `DEFAULT_VALUE:<v>`. */
  field_mappings: string;
  /** JSON object text: `{ base_url, api_key? }`. */
  api_credentials: string;
  auth_type: AuthType;
  bearer_token: string | null;
  /** JSON array text of normalised CSV headers, or null. */
  file_headers: string | null;
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
  version: number;
  is_active: number;
  description: string | null;
  needs_credentials: number;
}

export interface UploadRow {
  id: number;
  brokerage_name: string;
  configuration_name: string | null;
  filename: string;
  total_records: number;
  successful_records: number;
  failed_records: number;
  error_log: string | null;
  processing_time_seconds: number | null;
  file_headers: string | null;
  upload_timestamp: string;
  session_id: string | null;
  timestamp_unknown: number;
}

export interface ProcessingErrorRow {
  id: number;
  upload_history_id: number | null;
  row_number: number | null;
  field_name: string | null;
  error_type: string | null;
  error_message: string | null;
  suggested_fix: string | null;
  original_value: string | null;
  expected_format: string | null;
  created_at: string;
}

export interface ConfigurationChangeRow {
  id: number;
  configuration_id: number | null;
  change_type: string;
  change_description: string | null;
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface ActivityRow {
  id: number;
  at: string;
  kind: ActivityKind;
  summary: string;
  /** JSON object text with the particulars (file name, counts, checksum …). */
  details: string | null;
}

/** `team-store`: connected, disconnected, retention in the store, an object refused. */
export type ActivityKind = 'backup' | 'restore' | 'undo' | 'verify' | 'database-created' | 'app-lock' | 'team-store';

/** Every data table's rows: what a backup carries and a replace-restore writes. */
export interface DataTables {
  brokerages: BrokerageRow[];
  brokerage_configurations: ConfigurationRow[];
  upload_history: UploadRow[];
  processing_errors: ProcessingErrorRow[];
  configuration_changes: ConfigurationChangeRow[];
}

/** Column lists per data table, in schema order (used by bulk reads and writes). */
export const TABLE_COLUMNS = {
  brokerages: ['id', 'name', 'created_at', 'updated_at', 'is_active'],
  brokerage_configurations: [
    'id',
    'brokerage_name',
    'configuration_name',
    'field_mappings',
    'api_credentials',
    'auth_type',
    'bearer_token',
    'file_headers',
    'created_at',
    'updated_at',
    'last_used_at',
    'version',
    'is_active',
    'description',
    'needs_credentials',
  ],
  upload_history: [
    'id',
    'brokerage_name',
    'configuration_name',
    'filename',
    'total_records',
    'successful_records',
    'failed_records',
    'error_log',
    'processing_time_seconds',
    'file_headers',
    'upload_timestamp',
    'session_id',
    'timestamp_unknown',
  ],
  processing_errors: [
    'id',
    'upload_history_id',
    'row_number',
    'field_name',
    'error_type',
    'error_message',
    'suggested_fix',
    'original_value',
    'expected_format',
    'created_at',
  ],
  configuration_changes: [
    'id',
    'configuration_id',
    'change_type',
    'change_description',
    'old_value',
    'new_value',
    'changed_by',
    'changed_at',
  ],
} as const satisfies Record<keyof DataTables, readonly string[]>;
