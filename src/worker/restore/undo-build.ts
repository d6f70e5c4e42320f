import type { Candidate } from '../../core/backup/load/load-backup';
import type { TableChange } from '../../core/backup/restore/changes';
import { withAttached } from '../../core/backup/restore/attach';
import { finishReplace } from '../../core/backup/restore/build';
import { countsOf, nameChanges } from '../../core/backup/restore/names';
import type { DataTable } from '../../core/db/schema';
import type { Database } from '../../core/db/sql-types';
import type { Result } from '../../core/result';
import type { LiveDatabase } from '../engine/live-database';

/**
 * The restore engine's parts an undo needs (loaded on first use): undoing a restore is restoring
 * the snapshot taken before it — the snapshot's rows, this browser's log and bookkeeping carried over.
 */

/** Per table, what replacing the live database with `candidate` adds, changes and removes (matched by names). */
export function countReplaceChanges(live: LiveDatabase, candidate: Candidate): Record<DataTable, TableChange> {
  const names = live.read((db) => withAttached(candidate.db, db, 'live', () => nameChanges(candidate.db)));
  return countsOf(names.replace);
}

/**
 * The database an undo swaps in: the snapshot's rows, this browser's log and bookkeeping carried over. Consumes the
 * candidate.
 */
export function buildUndoneDatabase(
  live: LiveDatabase,
  candidate: Candidate,
  args: { now: string; summary: string; details: Record<string, unknown> },
): Promise<Result<Database>> {
  return live.read((db) =>
    finishReplace(candidate.db, db, {
      now: args.now,
      activity: { kind: 'undo', summary: args.summary, details: args.details },
      origin: null,
    }),
  );
}
