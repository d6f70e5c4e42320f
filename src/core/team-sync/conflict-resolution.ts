import type { SqlValue } from '../db/sql-types';
import type { BaseRef, ClockPair, SetChange } from './changes';
import type { Conflict } from './conflicts';
import type { ResolvedEditable } from './editable-groups';
import { latestWrite, leavesOf } from './editable-state';
import { EXISTS, NAME_FIELD, type EditableTable } from './sync-tables';

/**
 * Ending a conflict is a new change like any other: it writes the chosen value and lists every
 * leaf of that field as seen, so the conflict is gone in every browser that gets it.
 * - take the other value: for a lost edit, that value, written over the whole group (a name to
 *   every member); for an edit lost to a deletion, the row comes back (and a configuration's
 *   brokerage with it) with that value;
 * - keep the current value: the value the field has (or the deletion) written again, seeing both.
 */

export type ConflictChoice = 'other' | 'current';

/** The changes that end `conflict` with `choice`. */
export function resolutionChanges(
  resolved: ResolvedEditable,
  conflict: Conflict,
  choice: ConflictChoice,
  epoch: string,
  nextClock: () => ClockPair,
): SetChange[] {
  const make = (
    table: EditableTable,
    id: number,
    f: Record<string, SqlValue>,
    b: Record<string, BaseRef[]>,
  ): SetChange => ({
    k: 'set',
    e: epoch,
    h: nextClock(),
    t: table,
    id,
    f,
    b,
  });
  const { table, field, rowId } = conflict;
  const leaves = (id: number, name: string, of: EditableTable = table): BaseRef[] =>
    leavesOf(resolved.writes[of].get(id), name).map((w) => [w.rowId, w.clock]);
  const group = resolved.groupOf[table].get(rowId);
  if (conflict.kind === 'edit' && group) {
    const value = choice === 'other' ? conflict.other.value : (group.fields.get(field)?.value ?? null);
    const everyLeaf = group.members.flatMap((member) => leaves(member, field));
    const members = field === NAME_FIELD[table] ? group.members : [group.survivor];
    return members.map((member) =>
      make(
        table,
        member,
        { [field]: value },
        { [field]: member === group.survivor ? everyLeaf : leaves(member, field) },
      ),
    );
  }
  if (choice === 'current') {
    return [make(table, rowId, { [EXISTS]: 0 }, { [EXISTS]: leaves(rowId, EXISTS), [field]: leaves(rowId, field) })];
  }
  const revived = field === EXISTS ? { [EXISTS]: 1 } : { [EXISTS]: 1, [field]: conflict.other.value };
  const changes = [make(table, rowId, revived, { [EXISTS]: leaves(rowId, EXISTS), [field]: leaves(rowId, field) })];
  if (table === 'brokerage_configurations') {
    const brokerage = Number(latestWrite(resolved.writes.brokerage_configurations.get(rowId), 'brokerage_id')?.value);
    if (!resolved.groupOf.brokerages.has(brokerage)) {
      changes.push(
        make('brokerages', brokerage, { [EXISTS]: 1 }, { [EXISTS]: leaves(brokerage, EXISTS, 'brokerages') }),
      );
    }
  }
  return changes;
}
