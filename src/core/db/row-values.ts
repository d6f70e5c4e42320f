import type { DataTables } from './rows';
import type { DataTable } from './schema';
import type { SqlValue } from './sql-types';

/**
 * A row's values in TABLE_COLUMNS order, read property by property, for the loads that bind
 * 100k+ rows (a restore). A loop over the column names makes each read a lookup by a key that
 * changes every time, which cost ≈ 3 % of a 100k-row restore; these reads each always see the
 * same key. A missing value is null, as a bound parameter left unset would be.
 * `tests/unit/row-values.test.ts` checks each table's order against TABLE_COLUMNS.
 */

type Into<T extends DataTable> = (row: DataTables[T][number], values: SqlValue[]) => void;

export const ROW_VALUES: { readonly [T in DataTable]: Into<T> } = {
  brokerages: (r, v) => {
    v[0] = r.id ?? null;
    v[1] = r.name ?? null;
    v[2] = r.created_at ?? null;
    v[3] = r.updated_at ?? null;
    v[4] = r.is_active ?? null;
  },
  brokerage_configurations: (r, v) => {
    v[0] = r.id ?? null;
    v[1] = r.brokerage_name ?? null;
    v[2] = r.configuration_name ?? null;
    v[3] = r.field_mappings ?? null;
    v[4] = r.api_credentials ?? null;
    v[5] = r.auth_type ?? null;
    v[6] = r.bearer_token ?? null;
    v[7] = r.file_headers ?? null;
    v[8] = r.created_at ?? null;
    v[9] = r.updated_at ?? null;
    v[10] = r.last_used_at ?? null;
    v[11] = r.version ?? null;
    v[12] = r.is_active ?? null;
    v[13] = r.description ?? null;
    v[14] = r.needs_credentials ?? null;
  },
  upload_history: (r, v) => {
    v[0] = r.id ?? null;
    v[1] = r.brokerage_name ?? null;
    v[2] = r.configuration_name ?? null;
    v[3] = r.filename ?? null;
    v[4] = r.total_records ?? null;
    v[5] = r.successful_records ?? null;
    v[6] = r.failed_records ?? null;
    v[7] = r.error_log ?? null;
    v[8] = r.processing_time_seconds ?? null;
    v[9] = r.file_headers ?? null;
    v[10] = r.upload_timestamp ?? null;
    v[11] = r.session_id ?? null;
    v[12] = r.timestamp_unknown ?? null;
  },
  processing_errors: (r, v) => {
    v[0] = r.id ?? null;
    v[1] = r.upload_history_id ?? null;
    v[2] = r.row_number ?? null;
    v[3] = r.field_name ?? null;
    v[4] = r.error_type ?? null;
    v[5] = r.error_message ?? null;
    v[6] = r.suggested_fix ?? null;
    v[7] = r.original_value ?? null;
    v[8] = r.expected_format ?? null;
    v[9] = r.created_at ?? null;
  },
  configuration_changes: (r, v) => {
    v[0] = r.id ?? null;
    v[1] = r.configuration_id ?? null;
    v[2] = r.change_type ?? null;
    v[3] = r.change_description ?? null;
    v[4] = r.old_value ?? null;
    v[5] = r.new_value ?? null;
    v[6] = r.changed_by ?? null;
    v[7] = r.changed_at ?? null;
  },
};
