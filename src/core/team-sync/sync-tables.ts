import { TABLE_COLUMNS } from '../db/rows';
import type { DataTable } from '../db/schema';

/**
 * How each data table is shared (docs/team-sync.md, "Merge rules").
 *
 * Editable rows (brokerages, configurations) merge field by field: each field is a register whose
 * value is its latest write; `~exists` is one more field (1 alive, 0 deleted). A configuration
 * names its brokerage by id (`brokerage_id`), so a rename never touches it; the table's
 * `brokerage_name` is worked out from that brokerage's name.
 *
 * History-like rows (uploads, processing errors, configuration changes) are appended once with
 * all their columns and never conflict; a later change to some columns carries those columns and
 * a clock; a delete is final.
 */

export const EDITABLE_TABLES = ['brokerages', 'brokerage_configurations'] as const;
export type EditableTable = (typeof EDITABLE_TABLES)[number];

export const APPEND_TABLES = ['upload_history', 'processing_errors', 'configuration_changes'] as const;
export type AppendTable = (typeof APPEND_TABLES)[number];

/** The existence register of an editable row. */
export const EXISTS = '~exists';

/** The fields of an editable row, as shared (no id; a configuration's brokerage by id). */
export const EDITABLE_FIELDS: Record<EditableTable, readonly string[]> = {
  brokerages: ['name', 'created_at', 'updated_at', 'is_active'],
  brokerage_configurations: [
    'brokerage_id',
    ...TABLE_COLUMNS.brokerage_configurations.filter((c) => c !== 'id' && c !== 'brokerage_name'),
  ],
};

/** Fields whose losing concurrent write is shown as a conflict; the others are bookkeeping (times, version). */
export const CONFLICT_FIELDS: Record<EditableTable, ReadonlySet<string>> = {
  brokerages: new Set(['name', EXISTS]),
  brokerage_configurations: new Set([
    'configuration_name',
    'field_mappings',
    'api_credentials',
    'auth_type',
    'bearer_token',
    'description',
    'file_headers',
    'is_active',
    EXISTS,
  ]),
};

/** The natural key's own field: two alive rows with the same value are one row. */
export const NAME_FIELD: Record<EditableTable, string> = {
  brokerages: 'name',
  brokerage_configurations: 'configuration_name',
};

/** Fields never shown in plain text in a conflict (credentials). */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['api_credentials', 'bearer_token']);

/** Columns of a history-like table a change may carry as changed (its link to a configuration is worked out). */
export function updatableColumns(table: AppendTable): string[] {
  return TABLE_COLUMNS[table].filter(
    (c) => c !== 'id' && !(table === 'configuration_changes' && c === 'configuration_id'),
  );
}

/** The kind of value a column holds, for checking changes from other browsers. */
export type ColumnKind = 'text' | 'text?' | 'json' | 'json?' | 'int' | 'int?' | 'real?' | 'auth';

const TEXT_OR_NULL = (names: string[]) => Object.fromEntries(names.map((n) => [n, 'text?' as const]));

/** Every shared column's kind; editable tables by field (`brokerage_id` included, `brokerage_name` not). */
export const COLUMN_KINDS: Record<DataTable, Record<string, ColumnKind>> = {
  brokerages: { name: 'text', created_at: 'text', updated_at: 'text', is_active: 'int' },
  brokerage_configurations: {
    brokerage_id: 'int',
    configuration_name: 'text',
    field_mappings: 'json',
    api_credentials: 'json',
    auth_type: 'auth',
    bearer_token: 'text?',
    file_headers: 'json?',
    created_at: 'text',
    updated_at: 'text',
    last_used_at: 'text?',
    version: 'int',
    is_active: 'int',
    description: 'text?',
    needs_credentials: 'int',
  },
  upload_history: {
    brokerage_name: 'text',
    configuration_name: 'text?',
    filename: 'text',
    total_records: 'int',
    successful_records: 'int',
    failed_records: 'int',
    error_log: 'text?',
    processing_time_seconds: 'real?',
    file_headers: 'json?',
    upload_timestamp: 'text',
    session_id: 'text?',
    timestamp_unknown: 'int',
  },
  processing_errors: {
    upload_history_id: 'int?',
    row_number: 'int?',
    ...TEXT_OR_NULL([
      'field_name',
      'error_type',
      'error_message',
      'suggested_fix',
      'original_value',
      'expected_format',
    ]),
    created_at: 'text',
  },
  configuration_changes: {
    configuration_id: 'int?',
    change_type: 'text',
    ...TEXT_OR_NULL(['change_description', 'old_value', 'new_value', 'changed_by']),
    changed_at: 'text',
  },
};

/** True for the editable tables. */
export function isEditable(table: string): table is EditableTable {
  return (EDITABLE_TABLES as readonly string[]).includes(table);
}

/** True for the history-like tables. */
export function isAppendTable(table: string): table is AppendTable {
  return (APPEND_TABLES as readonly string[]).includes(table);
}
