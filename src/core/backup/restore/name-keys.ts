import type { DataTable } from '../../db/schema';

/**
 * The natural key of each table's rows, as SQL over a table alias: how a restore's preview matches
 * a row of the file to one of the live database (never by id, which two browsers assign
 * independently). Used by names.ts.
 */

export interface KeySpec {
  /** SQL of the natural key columns over alias t. */
  key: string[];
  /** Other columns compared to tell "changed" from "unchanged" (none: rows are only added or removed). */
  compared: string[];
  /** SQL of the name shown, brokerage, time, over alias t. */
  name: string;
  brokerage?: string;
  at?: string;
}

// Errors and changes point at their upload or configuration by id; their key uses the parent's natural key instead.
const UPLOAD_OF = (db: string, row = 't') =>
  `(SELECT json_array(u.brokerage_name, u.filename, u.upload_timestamp, u.session_id) FROM ${db}.upload_history u WHERE u.id = ${row}.upload_history_id)`;
const CONFIGURATION_OF = (db: string, row = 't') =>
  `(SELECT json_array(c.brokerage_name, c.configuration_name) FROM ${db}.brokerage_configurations c WHERE c.id = ${row}.configuration_id)`;
/**
 * Of a child row, its parent's natural key in `db` (part of the child's own key), or null for a table without a parent.
 */
export const PARENT_KEY: Partial<Record<DataTable, (db: string, row: string) => string>> = {
  processing_errors: UPLOAD_OF,
  configuration_changes: CONFIGURATION_OF,
};

export const SPECS: Record<DataTable, (db: string) => KeySpec> = {
  brokerages: () => ({ key: ['t.name'], compared: ['is_active'], name: 't.name' }),
  brokerage_configurations: () => ({
    key: ['t.brokerage_name', 't.configuration_name'],
    compared: [
      'field_mappings',
      'api_credentials',
      'auth_type',
      'bearer_token',
      'file_headers',
      'description',
      'is_active',
      'needs_credentials',
      'version',
      'updated_at',
    ],
    name: 't.configuration_name',
    brokerage: 't.brokerage_name',
  }),
  upload_history: () => ({
    key: ['t.brokerage_name', 't.filename', 't.upload_timestamp', 't.session_id'],
    compared: [
      'configuration_name',
      'total_records',
      'successful_records',
      'failed_records',
      'error_log',
      'processing_time_seconds',
      'file_headers',
      'timestamp_unknown',
    ],
    name: 't.filename',
    brokerage: 't.brokerage_name',
    at: 't.upload_timestamp',
  }),
  processing_errors: (db) => ({
    key: [
      UPLOAD_OF(db),
      't.row_number',
      't.field_name',
      't.error_type',
      't.error_message',
      't.suggested_fix',
      't.original_value',
      't.expected_format',
      't.created_at',
    ],
    compared: [],
    name: "coalesce(t.field_name, '') || ' (row ' || coalesce(t.row_number, '?') || ')'",
  }),
  configuration_changes: (db) => ({
    key: [
      CONFIGURATION_OF(db),
      't.change_type',
      't.change_description',
      't.old_value',
      't.new_value',
      't.changed_by',
      't.changed_at',
    ],
    compared: [],
    name: "t.change_type || coalesce(': ' || t.change_description, '')",
  }),
};
