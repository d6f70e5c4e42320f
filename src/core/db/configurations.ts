/**
 * Brokerage configurations: the `brokerage_configurations` table (mappings, credentials as JSON
 * text, version) and its audit trail in `configuration_changes`: reading and deleting here,
 * creating and editing (with the input checks and the API's field list) in
 * ./configuration-save.ts, which the worker loads when a configuration is first saved.
 */
import type { ConfigurationView } from './configuration-view';
import { fail, ok, type Result } from '../result';
import { toConfigurationView } from './configuration-view';
import { readAllKeySupport } from './load-api-facts';
import { TABLE_COLUMNS, type ConfigurationRow } from './rows';
import type { Database } from './sql-types';
import { selectRows } from './transaction';
import { runWrite } from './write';

const COLUMNS = TABLE_COLUMNS.brokerage_configurations.join(', ');

/** Fixed SQL of the table (creating and editing, in ./configuration-save.ts, share some). */
export const CONFIGURATION_SQL = {
  ofBrokerage: `SELECT ${COLUMNS} FROM brokerage_configurations WHERE brokerage_name = ? ORDER BY configuration_name COLLATE NOCASE, configuration_name, id`,
  byId: `SELECT ${COLUMNS} FROM brokerage_configurations WHERE id = ?`,
  logChange: `INSERT INTO configuration_changes (configuration_id, change_type, change_description, old_value, new_value, changed_at)
    VALUES (?, ?, ?, ?, ?, ?)`,
  delete: 'DELETE FROM brokerage_configurations WHERE id = ?',
} as const;

/** Messages for people (shared with ./configuration-save.ts). */
export const CONFIGURATION_MESSAGES = {
  missing:
    'That configuration no longer exists (perhaps it was deleted or a backup was restored). ' +
    'The list has been refreshed.',
} as const;

/** A brokerage's configurations in name order, without their secrets, each with what is known about its API. */
export function listConfigurations(db: Database, brokerageName: string): ConfigurationView[] {
  const views = selectRows<ConfigurationRow>(db, CONFIGURATION_SQL.ofBrokerage, [brokerageName]).map(
    toConfigurationView,
  );
  const facts = readAllKeySupport(db, (id) => views.find((view) => view.id === id)?.base_url);
  return views.map((view) => {
    const fact = facts.get(view.id);
    return fact ? { ...view, idempotencyKey: fact } : view;
  });
}

/** Deletes a configuration; its change log rows stay, and one more records the deletion. */
export function deleteConfiguration(db: Database, id: number, now: string): Result<{ id: number }> {
  const existing = findConfigurationRow(db, id);
  if (!existing) return fail('configuration-missing', CONFIGURATION_MESSAGES.missing);
  return runWrite(db, now, () => {
    db.run(CONFIGURATION_SQL.delete, [id]);
    const description = `Deleted configuration “${existing.configuration_name}” of “${existing.brokerage_name}”`;
    db.run(CONFIGURATION_SQL.logChange, [null, 'deleted', description, existing.field_mappings, null, now]);
    return ok({ id });
  });
}

/** Reads one stored configuration row, or null. */
export function findConfigurationRow(db: Database, id: number): ConfigurationRow | null {
  return selectRows<ConfigurationRow>(db, CONFIGURATION_SQL.byId, [id])[0] ?? null;
}
