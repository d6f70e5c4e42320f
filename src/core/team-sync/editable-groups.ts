import type { SqlValue } from '../db/sql-types';
import {
  isCompleteAlive,
  latestWrite,
  laterWrite,
  type EditableWrites,
  type RowWrites,
  type Write,
} from './editable-state';
import { EDITABLE_FIELDS, EXISTS, NAME_FIELD, type EditableTable } from './sync-tables';

/**
 * Natural keys. A brokerage's name is unique, and so is a configuration's name within its
 * brokerage — but two browsers can create "Acme" before they meet, or rename two brokerages to
 * the same name at once. Alive rows with the same key form one *group*, shown as ONE row: the
 * member with the lowest id stands for it, and each field's value is the latest write among all
 * members (a member's different value becomes a conflict, so nothing is dropped silently). Which
 * rows are grouped depends only on the writes, so every browser groups the same way. A rename or a
 * delete of the row shown applies to every member (capture.ts), so the group stays one.
 */

export interface Group {
  table: EditableTable;
  /** The brokerage's name, or the configuration's [brokerage name, name] as JSON. */
  key: string;
  /** The member whose id the row has (the lowest). */
  survivor: number;
  members: number[];
  /** Each field's latest write among the members. */
  fields: Map<string, Write>;
}

export interface ResolvedEditable {
  writes: EditableWrites;
  groups: Record<EditableTable, Map<string, Group>>;
  /** The group of every member shown. */
  groupOf: Record<EditableTable, Map<number, Group>>;
}

/** Groups the alive, complete rows of both tables. */
export function resolveEditable(writes: EditableWrites): ResolvedEditable {
  const resolved: ResolvedEditable = {
    writes,
    groups: { brokerages: new Map(), brokerage_configurations: new Map() },
    groupOf: { brokerages: new Map(), brokerage_configurations: new Map() },
  };
  for (const [id, row] of writes.brokerages) {
    if (isCompleteAlive('brokerages', row)) join(resolved, 'brokerages', String(valueOf(row, 'name')), id, row);
  }
  for (const [id, row] of writes.brokerage_configurations) {
    if (!isCompleteAlive('brokerage_configurations', row)) continue;
    const brokerage = resolved.groupOf.brokerages.get(Number(valueOf(row, 'brokerage_id')));
    if (!brokerage) continue;
    join(
      resolved,
      'brokerage_configurations',
      JSON.stringify([brokerage.key, valueOf(row, NAME_FIELD.brokerage_configurations)]),
      id,
      row,
    );
  }
  return resolved;
}

/** The rows the database must hold, by id: brokerages, then configurations. */
export function desiredRows(resolved: ResolvedEditable): Record<EditableTable, Map<number, Record<string, SqlValue>>> {
  const rows = { brokerages: new Map(), brokerage_configurations: new Map() } as Record<
    EditableTable,
    Map<number, Record<string, SqlValue>>
  >;
  for (const group of resolved.groups.brokerages.values()) {
    rows.brokerages.set(group.survivor, { id: group.survivor, ...fieldValues(group) });
  }
  for (const group of resolved.groups.brokerage_configurations.values()) {
    const [brokerageName] = JSON.parse(group.key) as [string, string];
    const { brokerage_id: _brokerage, ...values } = fieldValues(group);
    rows.brokerage_configurations.set(group.survivor, { id: group.survivor, brokerage_name: brokerageName, ...values });
  }
  return rows;
}

/** The id a member is shown under (its group's survivor), or null when it is not shown. */
export function shownId(resolved: ResolvedEditable, table: EditableTable, id: number): number | null {
  return resolved.groupOf[table].get(id)?.survivor ?? null;
}

function join(resolved: ResolvedEditable, table: EditableTable, key: string, id: number, row: RowWrites): void {
  let group = resolved.groups[table].get(key);
  if (!group) {
    group = { table, key, survivor: id, members: [], fields: new Map() };
    resolved.groups[table].set(key, group);
  }
  group.members.push(id);
  group.survivor = Math.min(group.survivor, id);
  for (const field of [...EDITABLE_FIELDS[table], EXISTS]) {
    const later = laterWrite(group.fields.get(field), latestWrite(row, field));
    if (later) group.fields.set(field, later);
  }
  resolved.groupOf[table].set(id, group);
}

function fieldValues(group: Group): Record<string, SqlValue> {
  return Object.fromEntries(
    EDITABLE_FIELDS[group.table].map((field) => [field, group.fields.get(field)?.value ?? null]),
  );
}

function valueOf(row: RowWrites, field: string): SqlValue {
  return latestWrite(row, field)?.value ?? null;
}
