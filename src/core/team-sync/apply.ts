import type { Database } from '../db/sql-types';
import { applyDropChange, applyRowChange, relinkChanges, releaseWaitingRows } from './append-rows';
import { withoutCapture } from './capture-triggers';
import type { AuthoredChange, Change } from './changes';
import { resolveEditable, shownId, type ResolvedEditable } from './editable-groups';
import { readEditableWrites } from './editable-state';
import { clockText } from './hlc';
import { materializeEditable } from './materialize-editable';
import { recordSetChange } from './record-writes';

/**
 * Applies changes of the current epoch to the database: records them, then brings the tables to
 * the state they describe. Every step is idempotent and independent of order (field writes are
 * grow-only sets whose latest write wins; history rows are written by column clocks; deletes of
 * history rows are final), so the same set of changes gives the same tables in every browser,
 * however they arrived. Runs with capture off, inside the caller's transaction.
 */

export interface ApplyOutcome {
  /** Rows of the data tables that changed. */
  rowsChanged: number;
  resolved: ResolvedEditable;
}

/** Applies a batch (restore changes are the caller's). */
export function applyChanges(db: Database, changes: readonly AuthoredChange[]): ApplyOutcome {
  return withoutCapture(db, () => {
    let rowsChanged = 0;
    for (const { change, device, person } of changes) {
      const clock = clockOf(change, device);
      if (change.k === 'set') recordSetChange(db, change, clock, person);
      else if (change.k === 'row') rowsChanged += applyRowChange(db, change, clock) ? 1 : 0;
      else if (change.k === 'drop') rowsChanged += applyDropChange(db, change, clock) ? 1 : 0;
    }
    while (releaseWaitingRows(db)) rowsChanged++;
    const settled = settleEditable(db);
    return { resolved: settled.resolved, rowsChanged: rowsChanged + settled.rowsChanged };
  });
}

/** Brings the editable tables and the configuration changes' links to the writes' state. */
export function settleEditable(db: Database): ApplyOutcome {
  const resolved = resolveEditable(readEditableWrites(db));
  let rowsChanged = materializeEditable(db, resolved);
  rowsChanged += relinkChanges(db, (id) => shownId(resolved, 'brokerage_configurations', id));
  return { rowsChanged, resolved };
}

/** A change's clock text, its author's device last. */
export function clockOf(change: Change, device: string): string {
  return clockText({ wall: change.h[0], counter: change.h[1] }, device);
}
