/**
 * Brokerages: the `brokerages` table. A brokerage's configurations hang off its name
 * (ON UPDATE/DELETE CASCADE); upload history keeps the name as plain text and is never deleted.
 */
import { checkName } from '../names';
import { fail, ok, type Result } from '../result';
import type { Database } from './sql-types';
import { selectRows, selectValue } from './transaction';
import { runWrite } from './write';

export interface BrokerageSummary {
  id: number;
  name: string;
  created_at: string;
  configurationCount: number;
  uploadCount: number;
}

const SQL = {
  summaries: `
    SELECT b.id, b.name, b.created_at,
      (SELECT COUNT(*) FROM brokerage_configurations c WHERE c.brokerage_name = b.name) AS configurationCount,
      (SELECT COUNT(*) FROM upload_history u WHERE u.brokerage_name = b.name) AS uploadCount
    FROM brokerages b`,
  orderByName: 'ORDER BY b.name COLLATE NOCASE, b.name, b.id',
  byId: 'WHERE b.id = ?',
  idByName: 'SELECT id FROM brokerages WHERE name = ?',
  insert: 'INSERT INTO brokerages (name, created_at, updated_at, is_active) VALUES (?, ?, ?, 1)',
  rename: 'UPDATE brokerages SET name = ?, updated_at = ? WHERE id = ?',
  renameHistory: 'UPDATE upload_history SET brokerage_name = ? WHERE brokerage_name = ?',
  logDeletedConfigs: `
    INSERT INTO configuration_changes (configuration_id, change_type, change_description, old_value, changed_at)
    SELECT NULL, 'deleted', 'Deleted with brokerage “' || brokerage_name || '”: ' || configuration_name,
      field_mappings, ?
    FROM brokerage_configurations WHERE brokerage_name = ?`,
  delete: 'DELETE FROM brokerages WHERE id = ?',
} as const;

const WHAT = 'brokerage name';

const MESSAGES = {
  duplicate: (name: string) =>
    `A brokerage named “${name}” already exists. Choose another name or select the existing brokerage.`,
  missing:
    'That brokerage no longer exists (perhaps it was deleted or a backup was restored). The list has been refreshed.',
} as const;

/** Every brokerage in name order (case-insensitive), with its configuration and upload counts. */
export function listBrokerages(db: Database): BrokerageSummary[] {
  return selectRows<BrokerageSummary>(db, `${SQL.summaries} ${SQL.orderByName}`);
}

/** Reads one brokerage summary, or null when the id is unknown. */
export function findBrokerage(db: Database, id: number): BrokerageSummary | null {
  return selectRows<BrokerageSummary>(db, `${SQL.summaries} ${SQL.byId}`, [id])[0] ?? null;
}

/** Creates a brokerage under the one name rule; a name already taken is refused. */
export function createBrokerage(db: Database, rawName: string, now: string): Result<BrokerageSummary> {
  const checked = checkName(rawName, WHAT);
  if (!checked.ok) return checked;
  const name = checked.value;
  return runWrite(db, now, () => {
    if (selectValue(db, SQL.idByName, [name]) !== undefined)
      return fail('duplicate-brokerage', MESSAGES.duplicate(name));
    db.run(SQL.insert, [name, now, now]);
    const id = selectValue(db, SQL.idByName, [name]);
    return summaryOrMissing(db, typeof id === 'number' ? id : -1);
  });
}

/**
 * Renames a brokerage. Its configurations follow through ON UPDATE CASCADE; its upload history
 * rows are renamed too, so filtering history by brokerage keeps finding them.
 */
export function renameBrokerage(db: Database, id: number, rawName: string, now: string): Result<BrokerageSummary> {
  const checked = checkName(rawName, WHAT);
  if (!checked.ok) return checked;
  const name = checked.value;
  const current = findBrokerage(db, id);
  if (!current) return fail('brokerage-missing', MESSAGES.missing);
  if (current.name === name) return ok(current);
  return runWrite(db, now, () => {
    const holder = selectValue(db, SQL.idByName, [name]);
    if (holder !== undefined && holder !== id) return fail('duplicate-brokerage', MESSAGES.duplicate(name));
    db.run(SQL.rename, [name, now, id]);
    db.run(SQL.renameHistory, [name, current.name]);
    return summaryOrMissing(db, id);
  });
}

/**
 * Deletes a brokerage; its configurations go with it (FK cascade, each logged as deleted in
 * configuration_changes). Its upload history is kept.
 */
export function deleteBrokerage(db: Database, id: number, now: string): Result<{ configurationsDeleted: number }> {
  const current = findBrokerage(db, id);
  if (!current) return fail('brokerage-missing', MESSAGES.missing);
  return runWrite(db, now, () => {
    db.run(SQL.logDeletedConfigs, [now, current.name]);
    db.run(SQL.delete, [id]);
    return ok({ configurationsDeleted: current.configurationCount });
  });
}

/** The summary of a brokerage just written, or a refusal if it vanished. */
function summaryOrMissing(db: Database, id: number): Result<BrokerageSummary> {
  const summary = findBrokerage(db, id);
  return summary ? ok(summary) : fail('brokerage-missing', MESSAGES.missing);
}
