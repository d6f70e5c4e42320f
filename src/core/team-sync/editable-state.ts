import type { Database, SqlValue } from '../db/sql-types';
import { EDITABLE_FIELDS, EDITABLE_TABLES, EXISTS, type EditableTable } from './sync-tables';

/**
 * The writes of the editable tables (brokerages, configurations), read from team_sync_writes:
 * for every row and field, all its writes, latest first. A field's value is its latest write
 * (clock text sorts in clock order, device last; a tie between two rows' writes goes to the lower
 * row id). A write is a *leaf* when no later write had seen it (it is not in
 * team_sync_overwritten): the latest write of a field is always one, and every other leaf is an
 * edit made without seeing the one that won — a conflict (conflicts.ts).
 */

export interface Write {
  table: EditableTable;
  rowId: number;
  field: string;
  clock: string;
  value: SqlValue;
  person: string;
  isOverwritten: boolean;
}

/** One row's writes by field, each list latest first. */
export type RowWrites = Map<string, Write[]>;

export type EditableWrites = Record<EditableTable, Map<number, RowWrites>>;

const SQL = {
  writes: `SELECT w.tbl, w.row_id, w.field, w.hlc, w.value, w.person, o.hlc IS NOT NULL AS overwritten
    FROM team_sync_writes w
    LEFT JOIN team_sync_overwritten o ON o.tbl = w.tbl AND o.row_id = w.row_id AND o.field = w.field AND o.hlc = w.hlc
    ORDER BY w.tbl, w.row_id, w.field, w.hlc DESC`,
} as const;

/** Every write of the editable tables. */
export function readEditableWrites(db: Database): EditableWrites {
  const writes: EditableWrites = { brokerages: new Map(), brokerage_configurations: new Map() };
  const stmt = db.prepare(SQL.writes);
  try {
    while (stmt.step()) {
      const [tbl, rowId, field, clock, value, person, overwritten] = stmt.get();
      const table = tbl as EditableTable;
      if (!(EDITABLE_TABLES as readonly string[]).includes(table)) continue;
      const rows = writes[table];
      let row = rows.get(rowId as number);
      if (!row) rows.set(rowId as number, (row = new Map<string, Write[]>()));
      let list = row.get(field as string);
      if (!list) row.set(field as string, (list = []));
      list.push({
        table,
        rowId: rowId as number,
        field: field as string,
        clock: clock as string,
        value: decodeValue(value as string | null),
        person: person as string,
        isOverwritten: overwritten === 1,
      });
    }
  } finally {
    stmt.free();
  }
  return writes;
}

/** The latest write of a field, or undefined. */
export function latestWrite(row: RowWrites | undefined, field: string): Write | undefined {
  return row?.get(field)?.[0];
}

/** The later of two writes (clock, then the lower row id). */
export function laterWrite(a: Write | undefined, b: Write | undefined): Write | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.clock !== b.clock) return a.clock > b.clock ? a : b;
  return a.rowId <= b.rowId ? a : b;
}

/** True when the row's latest `~exists` write says alive and every field has a value. */
export function isCompleteAlive(table: EditableTable, row: RowWrites | undefined): boolean {
  if (latestWrite(row, EXISTS)?.value !== 1) return false;
  return EDITABLE_FIELDS[table].every((field) => latestWrite(row, field) !== undefined);
}

/** A field's leaves (writes no later write had seen), latest first. */
export function leavesOf(row: RowWrites | undefined, field: string): Write[] {
  return (row?.get(field) ?? []).filter((write) => !write.isOverwritten);
}

/** Values are stored as JSON text in team_sync_writes (a value's type survives: 1 and "1" differ). */
export function encodeValue(value: SqlValue): string {
  return JSON.stringify(value);
}

function decodeValue(text: string | null): SqlValue {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}
