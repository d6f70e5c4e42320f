import type { Database } from '../db/sql-types';
import { selectValue } from '../db/transaction';
import { ZERO_HLC, type Hlc } from './hlc';

/**
 * This browser's team bookkeeping in `team_sync_meta`, kept in the database so that it is saved
 * with the very transaction that applied or captured changes (a reload or a crash can never leave
 * the two apart).
 */

export const META = {
  /** The team this database belongs to. */
  team: 'team',
  device: 'device',
  slot: 'slot',
  /** The restore epoch the data descends from ('' before any). */
  epoch: 'epoch',
  /** That restore's clock text (restores are ordered by it). */
  epochClock: 'epoch_clock',
  /** The latest clock made or seen, as JSON {wall, counter}. */
  clock: 'clock',
  /** The sequence number of this device's next log object. */
  nextSequence: 'next_sequence',
  /** When this browser joined the team. */
  joinedAt: 'joined_at',
  /** The snapshots this browser wrote and read back (JSON list, for its state object). */
  snapshots: 'verified_snapshots',
  /** A team restore's snapshot object still to be written (before the log holding the restore). */
  restoreSnapshot: 'restore_snapshot',
  /** When this browser last wrote its state object. */
  stateWrittenAt: 'state_written_at',
  /** The state object's content last written (JSON), so an unchanged state is not written again. */
  stateWritten: 'state_written',
  /** The teammates this browser removed from the team (JSON list of Removal, for its state object). */
  removals: 'removals',
  /** Why this browser stopped syncing: removed by a teammate or left (JSON Departure); absent while a member. */
  departure: 'departure',
  /** Teammates' logs this browser cannot read on from: a gap no snapshot covers (JSON list). */
  stalledLogs: 'stalled_logs',
} as const;
export type MetaKey = (typeof META)[keyof typeof META];

/** The keys that are this browser's own (a snapshot carries only the team's: team, epoch). */
export const DEVICE_META: readonly MetaKey[] = [
  META.device,
  META.slot,
  META.clock,
  META.nextSequence,
  META.joinedAt,
  META.snapshots,
  META.stateWrittenAt,
  META.stateWritten,
  META.restoreSnapshot,
  META.removals,
];

/** Reads one value, or null. */
export function readSyncMeta(db: Database, key: MetaKey): string | null {
  const value = selectValue(db, 'SELECT value FROM team_sync_meta WHERE key = ?', [key]);
  return typeof value === 'string' ? value : null;
}

/** Writes one value. */
export function writeSyncMeta(db: Database, key: MetaKey, value: string): void {
  db.run(
    'INSERT INTO team_sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, value],
  );
}

/** The latest clock this browser has made or seen. */
export function readClock(db: Database): Hlc {
  const text = readSyncMeta(db, META.clock);
  if (text === null) return ZERO_HLC;
  const parsed = JSON.parse(text) as Partial<Hlc>;
  return { wall: Number(parsed.wall ?? 0), counter: Number(parsed.counter ?? 0) };
}

export function writeClock(db: Database, clock: Hlc): void {
  writeSyncMeta(db, META.clock, JSON.stringify({ wall: clock.wall, counter: clock.counter }));
}

/** The current restore epoch ('' when the team has had none). */
export function readEpoch(db: Database): { id: string; clock: string } {
  return { id: readSyncMeta(db, META.epoch) ?? '', clock: readSyncMeta(db, META.epochClock) ?? '' };
}
