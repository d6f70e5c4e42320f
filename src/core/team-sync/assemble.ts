import { withAttached } from '../backup/restore/attach';
import type { Database } from '../db/sql-types';
import { applyChanges } from './apply';
import { installCapture } from './capture-triggers';
import { noteSendingRuns } from './capture';
import { carryLocalRows, type KeptSyncTable } from './carry-local';
import type { Change } from './changes';
import { laterClock, type Hlc } from './hlc';
import { slotRange } from './id-range';
import { queueChanges, replacePositions } from './local-queue';
import { DEVICE_META, META, readClock, readSyncMeta, writeClock, writeSyncMeta } from './sync-meta';

/**
 * Makes a checked snapshot (`next`) this browser's database: its own rows and bookkeeping come
 * along from `source` (carry-local.ts), the positions become the snapshot's (the logs after them
 * are read next), the capture triggers go in with this browser's id range, and changes of its own
 * are applied on top — its unshared changes when the epoch is the same, its data when it joins.
 * One transaction on `next`; `source` is only read.
 */

export interface AssembleOptions {
  team: string;
  device: string;
  slot: number;
  positions: Record<string, number>;
  /** This browser's sync tables that stay as they are. */
  keep: readonly KeptSyncTable[];
  /** Changes of this browser to apply on top (already in team_sync_pending, when it is kept). */
  reapply: readonly Change[];
  /** Changes of this browser to apply and queue for the store (joining: its own data). */
  queue: readonly Change[];
  person: string;
  /** Notes the rows of runs still sending as new, so they are shared when the run ends (joining). */
  noteSending: boolean;
  /** The next log sequence when this browser's own meta has none. */
  firstSequence: number;
  /**
   * Joining: log objects made here and never stored are dropped (their rows are shared again as
   * the join's), so numbering goes on right after the last one stored — never leaving a gap.
   */
  numberAfterStored?: boolean;
  now: string;
}

export function assembleFromSnapshot(next: Database, source: Database, options: AssembleOptions): void {
  withAttached(next, source, 'here', () => assemble(next, source, options));
}

function assemble(next: Database, source: Database, options: AssembleOptions): void {
  next.exec('BEGIN');
  try {
    carryLocalRows(next, options.keep);
    for (const key of DEVICE_META) {
      const value = readSyncMeta(source, key);
      if (value !== null) writeSyncMeta(next, key, value);
    }
    const clock: Hlc = laterClock(readClock(source), readClock(next));
    writeClock(next, clock);
    writeSyncMeta(next, META.team, options.team);
    writeSyncMeta(next, META.device, options.device);
    writeSyncMeta(next, META.slot, String(options.slot));
    if (readSyncMeta(next, META.joinedAt) === null) writeSyncMeta(next, META.joinedAt, options.now);
    const sequence = options.numberAfterStored
      ? options.firstSequence
      : Math.max(Number(readSyncMeta(next, META.nextSequence) ?? '1'), options.firstSequence);
    writeSyncMeta(next, META.nextSequence, String(sequence));
    replacePositions(next, options.positions);
    installCapture(next, slotRange(options.slot));
    if (options.noteSending) noteSendingRuns(next);
    const mine = [...options.reapply, ...options.queue].map((change) => ({
      change,
      device: options.device,
      person: options.person,
    }));
    if (mine.length > 0) applyChanges(next, mine);
    queueChanges(next, options.queue);
    next.exec('COMMIT');
  } catch (error) {
    next.exec('ROLLBACK');
    throw error;
  }
}
