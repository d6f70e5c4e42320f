import { TABLE_COLUMNS } from '../db/rows';
import type { Database, SqlValue } from '../db/sql-types';
import { selectRows, selectValue } from '../db/transaction';
import type { BaseRef, ClockPair, SetChange } from './changes';
import type { Group, ResolvedEditable } from './editable-groups';
import { leavesOf } from './editable-state';
import { EDITABLE_FIELDS, EXISTS, NAME_FIELD, type EditableTable } from './sync-tables';

/**
 * Turns a local write to a brokerage or configuration into field writes: the row as the table
 * holds it now, compared with what the team's writes say it is. Only fields that differ are
 * written, each listing the writes of that field it overwrote (so a teammate's edit of another
 * field is never touched, and an edit of the same field made without seeing this one becomes a
 * conflict, not a silent loss). A new row writes every field; a deleted row writes `~exists: 0`
 * and lists every field's writes (the deleter saw them all). A rename or delete of a row that
 * stands for a group (editable-groups.ts) is written to every member, so the group stays one.
 */

type Row = Record<string, SqlValue>;

/** The changes for one touched row; `nextClock` gives each change its clock. */
export function captureEditableRow(
  db: Database,
  resolved: ResolvedEditable,
  table: EditableTable,
  id: number,
  epoch: string,
  nextClock: () => ClockPair,
): SetChange[] {
  const row = selectRows<Row>(db, `SELECT ${TABLE_COLUMNS[table].join(', ')} FROM ${table} WHERE id = ?`, [id])[0];
  const group = resolved.groupOf[table].get(id);
  const change = (rowId: number, f: Record<string, SqlValue>, b: Record<string, BaseRef[]>): SetChange => ({
    k: 'set',
    e: epoch,
    h: nextClock(),
    t: table,
    id: rowId,
    f,
    b,
  });
  if (row && !group) return [change(id, sharedValues(db, table, row), seenByRow(resolved, table, id))];
  if (!row && group) {
    return group.members.map((member) => change(member, { [EXISTS]: 0 }, seenByRow(resolved, table, member)));
  }
  if (!row || !group) return [];
  return capturedEdit(db, resolved, table, row, group, change);
}

function capturedEdit(
  db: Database,
  resolved: ResolvedEditable,
  table: EditableTable,
  row: Row,
  group: Group,
  change: (rowId: number, f: Record<string, SqlValue>, b: Record<string, BaseRef[]>) => SetChange,
): SetChange[] {
  const values = sharedValues(db, table, row);
  const fields: Record<string, SqlValue> = {};
  const bases: Record<string, BaseRef[]> = {};
  for (const field of EDITABLE_FIELDS[table]) {
    // A configuration never moves to another brokerage; its brokerage_name follows renames.
    if (field === 'brokerage_id') continue;
    const value = values[field] ?? null;
    if (group.fields.get(field)?.value === value) continue;
    fields[field] = value;
    bases[field] = groupLeaves(resolved, group, field);
  }
  if (Object.keys(fields).length === 0) return [];
  const changes = [change(group.survivor, fields, bases)];
  const name = NAME_FIELD[table];
  if (name in fields) {
    for (const member of group.members.filter((m) => m !== group.survivor)) {
      changes.push(
        change(
          member,
          { [name]: fields[name] ?? null },
          { [name]: refs(leavesOf(resolved.writes[table].get(member), name)) },
        ),
      );
    }
  }
  return changes;
}

/** A table row's shared fields (a configuration's brokerage by id) and `~exists: 1`. */
function sharedValues(db: Database, table: EditableTable, row: Row): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = { [EXISTS]: 1 };
  for (const field of EDITABLE_FIELDS[table]) values[field] = row[field] ?? null;
  if (table === 'brokerage_configurations') {
    const brokerage = selectValue(db, 'SELECT id FROM brokerages WHERE name = ?', [
      (row.brokerage_name ?? null) as string | null,
    ]);
    values.brokerage_id = typeof brokerage === 'number' ? brokerage : null;
  }
  return values;
}

/** Every field's leaves of one row (what a delete, or a write over a row not shown, had seen). */
function seenByRow(resolved: ResolvedEditable, table: EditableTable, id: number): Record<string, BaseRef[]> {
  const row = resolved.writes[table].get(id);
  const seen: Record<string, BaseRef[]> = {};
  for (const field of [...EDITABLE_FIELDS[table], EXISTS]) {
    const leaves = refs(leavesOf(row, field));
    if (leaves.length > 0) seen[field] = leaves;
  }
  return seen;
}

function groupLeaves(resolved: ResolvedEditable, group: Group, field: string): BaseRef[] {
  return group.members.flatMap((member) => refs(leavesOf(resolved.writes[group.table].get(member), field)));
}

function refs(writes: readonly { rowId: number; clock: string }[]): BaseRef[] {
  return writes.map((w) => [w.rowId, w.clock]);
}
