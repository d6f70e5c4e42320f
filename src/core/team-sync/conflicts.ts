import type { SqlValue } from '../db/sql-types';
import type { ResolvedEditable } from './editable-groups';
import { isCompleteAlive, latestWrite, leavesOf, type RowWrites, type Write } from './editable-state';
import { clockTime, deviceOfClock } from './hlc';
import { CONFLICT_FIELDS, EDITABLE_TABLES, EXISTS, type EditableTable } from './sync-tables';

/**
 * Conflicts, worked out from the writes alone (so every browser that has the same changes shows
 * the same conflicts): a write of a field shown to people that no later write had seen — a leaf —
 * and that is not the value the field has. Either it lost to a concurrent edit of the same field
 * (`edit`), or its row is deleted and whoever deleted it had not seen it (`deleted`: an edit, or
 * the creation of a configuration whose brokerage was deleted meanwhile). Taking either value is a
 * new write that has seen both (conflict-resolution.ts), which ends the conflict everywhere.
 */

export interface ConflictSide {
  value: SqlValue;
  device: string;
  person: string;
  /** When it was written, by its author's clock (ISO UTC). */
  at: string;
}

export interface Conflict {
  /** Stable everywhere: table, row, field and the losing write's clock. */
  id: string;
  kind: 'edit' | 'deleted';
  table: EditableTable;
  /** The row the losing write was made to. */
  rowId: number;
  /** The id the row is shown under now; null when it is deleted. */
  shownId: number | null;
  brokerage: string;
  /** The configuration's name (null for a brokerage's own field). */
  configuration: string | null;
  field: string;
  /** The value that lost. */
  other: ConflictSide;
  /** The value kept (for `deleted`: the deletion, value null). */
  kept: ConflictSide | null;
}

/** Every conflict, latest losing write first. */
export function findConflicts(resolved: ResolvedEditable): Conflict[] {
  const found: Conflict[] = [];
  for (const table of EDITABLE_TABLES) {
    for (const [rowId, row] of resolved.writes[table]) {
      const group = resolved.groupOf[table].get(rowId);
      if (group) {
        for (const field of CONFLICT_FIELDS[table]) {
          const winner = group.fields.get(field);
          if (!winner) continue;
          for (const leaf of leavesOf(row, field)) {
            if (leaf.clock === winner.clock && leaf.rowId === winner.rowId) continue;
            if (leaf.value === winner.value) continue;
            found.push(conflict(resolved, 'edit', leaf, group.survivor, side(winner)));
          }
        }
      } else if (hasArrived(table, row)) {
        found.push(...lostToDeletion(resolved, table, row));
      }
    }
  }
  return found.sort((a, b) =>
    a.other.at === b.other.at ? a.id.localeCompare(b.id) : b.other.at.localeCompare(a.other.at),
  );
}

/** Conflicts of a row not shown: its edits (or its creation) its deleter had not seen. */
function lostToDeletion(resolved: ResolvedEditable, table: EditableTable, row: RowWrites): Conflict[] {
  const deletion = deletionOf(resolved, table, row);
  const kept = deletion ? side(deletion) : null;
  const created = leavesOf(row, EXISTS).find((w) => w.value === 1);
  if (created) return [conflict(resolved, 'deleted', created, null, kept)];
  const found: Conflict[] = [];
  for (const field of CONFLICT_FIELDS[table]) {
    if (field === EXISTS) continue;
    for (const leaf of leavesOf(row, field)) found.push(conflict(resolved, 'deleted', leaf, null, kept));
  }
  return found;
}

/** The write that deleted the row (or, for a configuration, its brokerage). */
function deletionOf(resolved: ResolvedEditable, table: EditableTable, row: RowWrites): Write | undefined {
  const own = latestWrite(row, EXISTS);
  if (own?.value === 0) return own;
  if (table !== 'brokerage_configurations') return undefined;
  return latestWrite(resolved.writes.brokerages.get(Number(latestWrite(row, 'brokerage_id')?.value)), EXISTS);
}

/** A row whose creation has arrived (a row only edited so far is not known yet). */
function hasArrived(table: EditableTable, row: RowWrites): boolean {
  const exists = latestWrite(row, EXISTS);
  if (exists === undefined) return false;
  return exists.value === 0 || isCompleteAlive(table, row);
}

function conflict(
  resolved: ResolvedEditable,
  kind: Conflict['kind'],
  leaf: Write,
  shownId: number | null,
  kept: ConflictSide | null,
): Conflict {
  const { brokerage, configuration } = namesOf(resolved, leaf.table, leaf.rowId);
  return {
    id: `${leaf.table}:${leaf.rowId}:${leaf.field}:${leaf.clock}`,
    kind,
    table: leaf.table,
    rowId: leaf.rowId,
    shownId,
    brokerage,
    configuration,
    field: leaf.field,
    other: side(leaf),
    kept,
  };
}

/** What people call the row: its brokerage's name, and a configuration's own. */
export function namesOf(
  resolved: ResolvedEditable,
  table: EditableTable,
  rowId: number,
): { brokerage: string; configuration: string | null } {
  const row = resolved.writes[table].get(rowId);
  if (table === 'brokerages') return { brokerage: String(latestWrite(row, 'name')?.value ?? ''), configuration: null };
  const brokerage = resolved.writes.brokerages.get(Number(latestWrite(row, 'brokerage_id')?.value));
  return {
    brokerage: String(latestWrite(brokerage, 'name')?.value ?? ''),
    configuration: String(latestWrite(row, 'configuration_name')?.value ?? ''),
  };
}

function side(write: Write): ConflictSide {
  return { value: write.value, device: deviceOfClock(write.clock), person: write.person, at: clockTime(write.clock) };
}
