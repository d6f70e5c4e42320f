import type { Database } from '../db/sql-types';
import { selectRows, selectValue } from '../db/transaction';
import type { Change, LogBody } from './changes';
import { captureLocalWrites, heldNoteCount } from './capture';
import { LOG_FORMAT } from './changes';
import { META, readClock, readEpoch, readSyncMeta, writeClock, writeSyncMeta } from './sync-meta';

/**
 * This browser's side of the protocol, kept in its database: captured changes waiting for a log
 * object (team_sync_pending), log objects made but not yet stored (team_sync_outgoing — once a
 * sequence number is given, its content never changes, so storing it again after a failure is
 * harmless on any store), and how far each device's log has been read (team_sync_positions).
 */

/**
 * Captures this browser's local writes and queues the changes for the next log object (inside
 * the caller's transaction); returns how many changes that made.
 */
export function captureAndQueue(db: Database, device: string, person: string, nowMs: number): number {
  const captured = captureLocalWrites(db, { device, person, epoch: readEpoch(db).id, nowMs, clock: readClock(db) });
  queueChanges(db, captured.changes);
  writeClock(db, captured.clock);
  return captured.changes.length;
}

/** Appends captured changes to the queue. */
export function queueChanges(db: Database, changes: readonly Change[]): void {
  const insert = db.prepare('INSERT INTO team_sync_pending (change) VALUES (?)');
  try {
    for (const change of changes) insert.run([JSON.stringify(change)]);
  } finally {
    insert.free();
  }
}

/** The queued changes, oldest first. */
export function queuedChanges(db: Database): Change[] {
  return selectRows<{ change: string }>(db, 'SELECT change FROM team_sync_pending ORDER BY n').map(
    (r) => JSON.parse(r.change) as Change,
  );
}

/**
 * Turns queued changes into log objects of at most `max` changes, each with its sequence number:
 * the next one, and never one the store already shows for this browser (`storedUpTo`) — a
 * database put back to an older copy of itself must not give a number already used to other
 * changes, which teammates who read the first would never read.
 */
export function packQueuedChanges(
  db: Database,
  header: Omit<LogBody, 'format' | 'version' | 'sequence' | 'changes'>,
  max: number,
  storedUpTo: number,
): void {
  const queued = selectRows<{ n: number; change: string }>(db, 'SELECT n, change FROM team_sync_pending ORDER BY n');
  const outgoing = Number(selectValue(db, 'SELECT IFNULL(MAX(sequence), 0) FROM team_sync_outgoing') ?? 0);
  const floor = Math.max(storedUpTo, outgoing, readPositions(db)[header.device] ?? 0) + 1;
  if (queued.length > 0 && Number(readSyncMeta(db, META.nextSequence) ?? '1') < floor) {
    writeSyncMeta(db, META.nextSequence, String(floor));
  }
  for (let start = 0; start < queued.length; start += max) {
    const batch = queued.slice(start, start + max);
    const sequence = Number(readSyncMeta(db, META.nextSequence) ?? '1');
    const body: LogBody = {
      format: LOG_FORMAT,
      version: 1,
      ...header,
      sequence,
      changes: batch.map((r) => JSON.parse(r.change) as Change),
    };
    db.run('INSERT INTO team_sync_outgoing (sequence, body, changes) VALUES (?, ?, ?)', [
      sequence,
      JSON.stringify(body),
      batch.length,
    ]);
    writeSyncMeta(db, META.nextSequence, String(sequence + 1));
  }
  db.exec('DELETE FROM team_sync_pending');
}

/** Log objects made and not stored yet, lowest sequence first. */
export function outgoingLogs(db: Database): { sequence: number; body: string; changes: number }[] {
  return selectRows(db, 'SELECT sequence, body, changes FROM team_sync_outgoing ORDER BY sequence');
}

/**
 * How many of this browser's changes are not in the team store yet, as a person counts them: a
 * configuration's change-log row goes with the edit that wrote it, and an upload's processing
 * errors with the upload, so neither counts on its own. (A run still sending is not counted.)
 */
export function pendingCount(db: Database): number {
  const notes =
    Number(selectValue(db, `SELECT COUNT(*) FROM team_sync_outbox WHERE tbl NOT IN (${FOLLOWERS})`) ?? 0) -
    heldNoteCount(db, (table) => !FOLLOWER_TABLES.includes(table));
  const queued = Number(
    selectValue(
      db,
      `SELECT COUNT(*) FROM team_sync_pending WHERE IFNULL(json_extract(change, '$.t'), '') NOT IN (${FOLLOWERS})`,
    ) ?? 0,
  );
  const outgoing = Number(
    selectValue(
      db,
      `SELECT COUNT(*) FROM team_sync_outgoing o, json_each(o.body, '$.changes') c
        WHERE IFNULL(json_extract(c.value, '$.t'), '') NOT IN (${FOLLOWERS})`,
    ) ?? 0,
  );
  return notes + queued + outgoing;
}

/** Whether anything of this browser's is not in the team store yet, counting every row (compaction waits for it). */
export function hasUnsharedChanges(db: Database): boolean {
  const notes = Number(selectValue(db, 'SELECT COUNT(*) FROM team_sync_outbox') ?? 0) - heldNoteCount(db);
  const queued = Number(selectValue(db, 'SELECT COUNT(*) FROM team_sync_pending') ?? 0);
  const outgoing = Number(selectValue(db, 'SELECT COUNT(*) FROM team_sync_outgoing') ?? 0);
  return notes + queued + outgoing > 0;
}

/** Rows that are part of another change: a configuration's change-log row, an upload's errors. */
const FOLLOWER_TABLES: readonly string[] = ['configuration_changes', 'processing_errors'];
const FOLLOWERS = FOLLOWER_TABLES.map((t) => `'${t}'`).join(', ');

/** How far each device's log has been read. */
export function readPositions(db: Database): Record<string, number> {
  return Object.fromEntries(
    selectRows<{ device: string; sequence: number }>(db, 'SELECT device, sequence FROM team_sync_positions').map(
      (r) => [r.device, r.sequence],
    ),
  );
}

export function writePosition(db: Database, device: string, sequence: number): void {
  db.run(
    'INSERT INTO team_sync_positions (device, sequence) VALUES (?, ?) ON CONFLICT DO UPDATE SET sequence = excluded.sequence',
    [device, sequence],
  );
}

/** Replaces every position (after loading a snapshot). */
export function replacePositions(db: Database, positions: Record<string, number>): void {
  db.exec('DELETE FROM team_sync_positions');
  for (const [device, sequence] of Object.entries(positions)) writePosition(db, device, sequence);
}
