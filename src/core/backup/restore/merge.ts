import {
  TABLE_COLUMNS, type BrokerageRow, type ConfigurationChangeRow, type ConfigurationRow, type DataTables,
  type ProcessingErrorRow, type UploadRow,
} from '../../db/rows';
import type { DataTable } from '../../db/schema';
import type { TableChange } from './changes';
import type { RestorePlan } from './plan';
import { sameRow } from './same-row';

/**
 * Merge: adds what the database lacks and never deletes. Rows are matched on what they mean,
 * not on ids (ids of two databases are unrelated):
 * - brokerages by name;
 * - configurations by (brokerage, configuration name); on both sides the later `updated_at`
 *   wins, a tie keeps this browser's copy, and credentials the file lacks never replace ours;
 * - upload history by (brokerage, configuration, file, time, the three counts, session) counted
 *   with multiplicity: k copies in the file and m here add max(0, k − m), so merging the same file
 *   twice adds nothing and genuine repeated uploads are not collapsed;
 * - processing errors and configuration changes likewise, after re-linking them to the ids their
 *   upload or configuration has in the result.
 * New rows get fresh ids above the current maximum. The i-th copy of a history key in the file is
 * paired with the i-th (by id) copy here, so a second merge re-links errors exactly as the first.
 */
export function mergeTables(current: DataTables, incoming: DataTables): RestorePlan {
  const brokerages = mergeBrokerages(current.brokerages, incoming.brokerages);
  const configurations = mergeConfigurations(current.brokerage_configurations, incoming.brokerage_configurations);
  // Every configuration needs its brokerage row (a foreign key); a valid file already has it.
  for (const row of configurations.rows) brokerages.ensure(row.brokerage_name, row.created_at);
  const uploads = mergeByKey(current.upload_history, incoming.upload_history, uploadKey, (row) => row);
  const errors = mergeByKey(current.processing_errors, incoming.processing_errors, errorKey, (row) => ({
    ...row,
    upload_history_id: row.upload_history_id === null ? null : (uploads.idMap.get(row.upload_history_id) ?? null),
  }));
  const changes = mergeByKey(current.configuration_changes, incoming.configuration_changes, changeKey, (row) => ({
    ...row,
    configuration_id: row.configuration_id === null ? null : (configurations.idMap.get(row.configuration_id) ?? null),
  }));
  return {
    tables: {
      brokerages: brokerages.rows,
      brokerage_configurations: configurations.rows,
      upload_history: uploads.rows,
      processing_errors: errors.rows,
      configuration_changes: changes.rows,
    },
    changes: {
      brokerages: brokerages.change(),
      brokerage_configurations: configurations.change,
      upload_history: uploads.change,
      processing_errors: errors.change,
      configuration_changes: changes.change,
    } satisfies Record<DataTable, TableChange>,
  };
}

/** Brokerages by name: missing ones are added. */
function mergeBrokerages(current: readonly BrokerageRow[], incoming: readonly BrokerageRow[]) {
  const rows = [...current];
  const names = new Set(current.map((row) => row.name));
  let nextId = maxId(current) + 1;
  let added = 0;
  const ensure = (name: string, time: string, from?: BrokerageRow) => {
    if (names.has(name)) return;
    names.add(name);
    rows.push(from ? { ...from, id: nextId++ } : { id: nextId++, name, created_at: time, updated_at: time, is_active: 1 });
    added++;
  };
  for (const row of incoming) ensure(row.name, row.created_at, row);
  return { rows, ensure, change: (): TableChange => ({ add: added, update: 0, remove: 0, unchanged: current.length }) };
}

/** Configurations by (brokerage, name), the later updated_at winning. */
function mergeConfigurations(current: readonly ConfigurationRow[], incoming: readonly ConfigurationRow[]) {
  const rows = [...current];
  const positions = new Map<string, number>();
  rows.forEach((row, index) => positions.set(configurationKey(row), index));
  const idMap = new Map<number, number>();
  let nextId = maxId(current) + 1;
  const change: TableChange = { add: 0, update: 0, remove: 0, unchanged: 0 };
  const updated = new Set<number>();
  for (const row of incoming) {
    const position = positions.get(configurationKey(row));
    if (position === undefined) {
      const added = { ...row, id: nextId++ };
      positions.set(configurationKey(added), rows.length);
      rows.push(added);
      idMap.set(row.id, added.id);
      change.add++;
      continue;
    }
    const local = rows[position] as ConfigurationRow;
    idMap.set(row.id, local.id);
    if (Date.parse(row.updated_at) <= Date.parse(local.updated_at)) continue; // a tie keeps ours
    const winner = keepLocalCredentials({ ...row, id: local.id }, local);
    if (!sameRow(winner, local, TABLE_COLUMNS.brokerage_configurations)) {
      rows[position] = winner;
      updated.add(local.id);
    }
  }
  change.update = updated.size;
  change.unchanged = current.length - updated.size;
  return { rows, idMap, change };
}

/** A newer copy without credentials keeps the credentials held here (same auth type only). */
function keepLocalCredentials(winner: ConfigurationRow, local: ConfigurationRow): ConfigurationRow {
  if (winner.needs_credentials !== 1 || local.needs_credentials !== 0 || winner.auth_type !== local.auth_type) return winner;
  return { ...winner, api_credentials: local.api_credentials, bearer_token: local.bearer_token, needs_credentials: 0 };
}

/**
 * Adds the rows of `incoming` whose natural key occurs more often there than here; `relink`
 * first rewrites the row's references to ids of the result. Returns where each incoming id ended.
 */
function mergeByKey<Row extends { id: number }>(
  current: readonly Row[],
  incoming: readonly Row[],
  keyOf: (row: Row) => string,
  relink: (row: Row) => Row,
) {
  if (current.length === 0) return addAll(incoming, relink); // restoring into an empty table
  // Key → the ids here with that key, in id order (a plain number for the usual single row).
  const localIds = new Map<string, number | number[]>();
  const byId = isSortedById(current) ? current : [...current].sort((a, b) => a.id - b.id);
  for (const row of byId) {
    const key = keyOf(row);
    const ids = localIds.get(key);
    if (ids === undefined) localIds.set(key, row.id);
    else if (typeof ids === 'number') localIds.set(key, [ids, row.id]);
    else ids.push(row.id);
  }
  const rows = [...current];
  const idMap = new Map<number, number>();
  const seen = new Map<string, number>();
  let nextId = maxId(current) + 1;
  let added = 0;
  for (const original of incoming) {
    const row = relink(original);
    const key = keyOf(row);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const ids = localIds.get(key);
    const match = typeof ids === 'number' ? (occurrence === 0 ? ids : undefined) : ids?.[occurrence];
    if (match !== undefined) {
      idMap.set(original.id, match);
      continue;
    }
    const newRow = { ...row, id: nextId++ };
    rows.push(newRow);
    idMap.set(original.id, newRow.id);
    added++;
  }
  const change: TableChange = { add: added, update: 0, remove: 0, unchanged: current.length };
  return { rows, idMap, change };
}

/** Every incoming row is new: ids 1…n, no keys to compute. */
function addAll<Row extends { id: number }>(incoming: readonly Row[], relink: (row: Row) => Row) {
  const idMap = new Map<number, number>();
  const rows = incoming.map((original, index) => {
    idMap.set(original.id, index + 1);
    return { ...relink(original), id: index + 1 };
  });
  const change: TableChange = { add: rows.length, update: 0, remove: 0, unchanged: 0 };
  return { rows, idMap, change };
}

const configurationKey = (row: ConfigurationRow) => keyOf([row.brokerage_name, row.configuration_name]);

const uploadKey = (row: UploadRow) =>
  keyOf([
    row.brokerage_name, row.configuration_name, row.filename, row.upload_timestamp,
    row.total_records, row.successful_records, row.failed_records, row.session_id,
  ]);

const errorKey = (row: ProcessingErrorRow) =>
  keyOf([
    row.upload_history_id, row.row_number, row.field_name, row.error_type, row.error_message,
    row.suggested_fix, row.original_value, row.expected_format, row.created_at,
  ]);

const changeKey = (row: ConfigurationChangeRow) =>
  keyOf([
    row.configuration_id, row.change_type, row.change_description, row.old_value, row.new_value,
    row.changed_by, row.changed_at,
  ]);

/**
 * One string per combination of values: JSON of the list, unambiguous whatever the text holds.
 * (Measured: faster than building the key by concatenation, whose rope strings V8 must flatten
 * before hashing them into a Map.)
 */
function keyOf(values: readonly (string | number | null)[]): string {
  return JSON.stringify(values);
}

function isSortedById(rows: readonly { id: number }[]): boolean {
  for (let i = 1; i < rows.length; i++) if ((rows[i] as { id: number }).id < (rows[i - 1] as { id: number }).id) return false;
  return true;
}

function maxId(rows: readonly { id: number }[]): number {
  let max = 0;
  for (const row of rows) if (row.id > max) max = row.id;
  return max;
}
