import { TABLE_COLUMNS } from '../db/rows';
import type { Database, SqlValue } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import { desiredRows, type ResolvedEditable } from './editable-groups';
import type { EditableTable } from './sync-tables';

/**
 * Makes the brokerages and configurations tables hold exactly what the writes say (desiredRows),
 * touching only rows that differ — so applying changes nobody's data depends on the order they
 * came in. Brokerages first (a rename reaches their configurations through ON UPDATE CASCADE),
 * then configurations read again, since deleting a brokerage takes its configurations with it.
 * Names move in two steps (first to a placeholder no name can equal), so two rows can swap names
 * under the UNIQUE constraints. Runs with capture off, inside the caller's transaction.
 */

type Row = Record<string, SqlValue>;
const PLACEHOLDER = (id: number) => `\u0000moving ${id}`;

/** Brings both editable tables to the writes' state; returns how many rows changed. */
export function materializeEditable(db: Database, resolved: ResolvedEditable): number {
  const desired = desiredRows(resolved);
  return (
    syncTable(db, 'brokerages', desired.brokerages) +
    syncTable(db, 'brokerage_configurations', desired.brokerage_configurations)
  );
}

function syncTable(db: Database, table: EditableTable, desired: Map<number, Row>): number {
  const columns = TABLE_COLUMNS[table];
  const current = new Map(
    selectRows<Row>(db, `SELECT ${columns.join(', ')} FROM ${table}`).map((row) => [Number(row.id), row]),
  );
  let changed = 0;
  for (const id of current.keys()) {
    if (!desired.has(id)) {
      db.run(`DELETE FROM ${table} WHERE id = ?`, [id]);
      changed++;
    }
  }
  const updates = [...desired.values()].filter((row) => {
    const existing = current.get(Number(row.id));
    return existing !== undefined && columns.some((c) => existing[c] !== row[c]);
  });
  const nameColumn = table === 'brokerages' ? 'name' : 'configuration_name';
  const renamed = updates.filter((row) => current.get(Number(row.id))?.[nameColumn] !== row[nameColumn]);
  for (const row of renamed)
    db.run(`UPDATE ${table} SET ${nameColumn} = ? WHERE id = ?`, [PLACEHOLDER(Number(row.id)), Number(row.id)]);
  const assignments = columns.filter((c) => c !== 'id').map((c) => `${c} = ?`);
  for (const row of updates) {
    db.run(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ?`, [
      ...columns.filter((c) => c !== 'id').map((c) => row[c] ?? null),
      row.id ?? null,
    ]);
  }
  const inserts = [...desired.values()].filter((row) => !current.has(Number(row.id)));
  for (const row of inserts) {
    db.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => row[c] ?? null),
    );
  }
  return changed + updates.length + inserts.length;
}
