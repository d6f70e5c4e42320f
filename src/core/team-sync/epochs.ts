import type { SqlValue } from '../db/sql-types';
import type { Database } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import type { Change, RestoreRecord } from './changes';
import { clockTime } from './hlc';
import { CONFLICT_FIELDS, EXISTS } from './sync-tables';

/**
 * Team restores divide the team's history into epochs: the data of epoch R is R's snapshot plus
 * every change made in R (each change names the epoch its author was in). When restores cross
 * (two people restore at once), the one with the later clock is the team's; the other and the
 * changes made in it are replaced, like changes made in an older epoch. A replaced change whose
 * author the restorer had not heard from yet is *lost* — reported (team_sync_lost), never silent;
 * one the restorer had seen was replaced knowingly, which the restore preview showed.
 */

export interface KnownRestore {
  record: RestoreRecord;
  /** Its clock text (restores are ordered by it). */
  clock: string;
  device: string;
}

export type Disposition = 'apply' | 'replaced' | 'lost' | 'wait';

/** What to do with a change from `device`'s log object `sequence`, in the current epoch `current`. */
export function dispositionOf(
  change: Change,
  current: string,
  restores: ReadonlyMap<string, KnownRestore>,
  device: string,
  sequence: number,
): Disposition {
  if (change.e === current) return 'apply';
  if (!restores.has(change.e)) return 'wait';
  const now = restores.get(current);
  if (!now || now.device === device) return 'replaced';
  // Two browsers that started the team at once: the later start is the team's, and every browser
  // of the other joins it with all its data (isRacingStart), so nothing of the other is lost.
  if (isRacingStart(restores.get(change.e)?.record, now.record)) return 'replaced';
  return sequence <= (now.record.seen[device] ?? 0) ? 'replaced' : 'lost';
}

/** Whether `newer` and `older` are two starts of the team that crossed (both "team created"). */
export function isRacingStart(older: RestoreRecord | undefined, newer: RestoreRecord | undefined): boolean {
  return older?.source === 'team-created' && newer?.source === 'team-created';
}

/** Every restore this browser knows (applied, or replaced by a later one). */
export function knownRestores(db: Database): Map<string, KnownRestore> {
  const rows = selectRows<{ id: string; hlc: string; record: string }>(
    db,
    'SELECT id, hlc, record FROM team_sync_restores',
  );
  return new Map(
    rows.map((r) => [r.id, { record: JSON.parse(r.record) as RestoreRecord, clock: r.hlc, device: r.hlc.slice(-32) }]),
  );
}

/** Notes a restore as known. */
export function recordRestore(db: Database, record: RestoreRecord, clock: string): void {
  db.run('INSERT OR IGNORE INTO team_sync_restores (id, hlc, record) VALUES (?, ?, ?)', [
    record.id,
    clock,
    JSON.stringify(record),
  ]);
}

/** A lost change, in words a person can check against. */
export interface LostChange {
  restoreId: string;
  device: string;
  person: string;
  at: string;
  what: string;
}

/** Notes a change lost to the current restore. */
export function recordLost(db: Database, restoreId: string, change: Change, clock: string, person: string): LostChange {
  const lost: LostChange = {
    restoreId,
    device: clock.slice(-32),
    person,
    at: clockTime(clock),
    what: describeChange(change),
  };
  db.run('INSERT OR IGNORE INTO team_sync_lost (restore_id, hlc, field, record) VALUES (?, ?, ?, ?)', [
    restoreId,
    clock,
    lost.what,
    JSON.stringify(lost),
  ]);
  return lost;
}

/** What a change did, in a person's words (names where the change carries them). */
export function describeChange(change: Change): string {
  switch (change.k) {
    case 'set': {
      const name = change.f.name ?? change.f.configuration_name;
      const what = change.t === 'brokerages' ? 'brokerage' : 'configuration';
      const label = typeof name === 'string' ? `“${name}”` : `#${change.id}`;
      if (change.f[EXISTS] === 0) return `deleted ${what} ${label}`;
      if (change.f[EXISTS] === 1) return `created ${what} ${label}`;
      const fields = Object.keys(change.f).filter((f) => CONFLICT_FIELDS[change.t].has(f));
      return `changed ${what} ${label}${fields.length > 0 ? `: ${fields.join(', ')}` : ''}`;
    }
    case 'row':
      return `${change.c === null ? 'added' : 'changed'} ${rowLabel(change.t, change.v)}`;
    case 'drop':
      return `deleted ${change.t.replace('_', ' ')} #${change.id}`;
    case 'restore':
      return `team restore ${change.r.fileName ?? change.r.source}`;
  }
}

function rowLabel(table: string, values: SqlValue[]): string {
  if (table === 'upload_history') return `upload “${String(values[2])}” of ${String(values[0])}`;
  if (table === 'processing_errors') return 'a processing error';
  return 'a configuration change';
}
