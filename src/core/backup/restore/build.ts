import { logActivity } from '../../db/activity';
import { META_KEYS, readDatabaseTimes, writeMeta } from '../../db/meta';
import { exportDatabase, openDatabase } from '../../db/open';
import type { DataTables } from '../../db/rows';
import { DATA_TABLES } from '../../db/schema';
import type { Database, SqlJsStatic } from '../../db/sql-types';
import { insertRows } from '../../db/tables';
import { inTransaction } from '../../db/transaction';
import { describeThrown, fail, ok, type Result } from '../../result';
import { computeChecksum } from '../checksum/canonical';
import { databaseChecksum } from '../checksum/database-rows';
import { importActivity } from './activity-import';
import { withAttached } from './attach';
import { finishReplacement, type FinishArgs } from './finish';
import { mergeInto } from './merge';

/**
 * The databases a restore, merge or undo swaps in, built apart from the live one (which is only
 * read) and certified before anyone may store them: SQLite's integrity and foreign-key checks,
 * and the canonical checksum of what was stored equal to what was meant — one read of every
 * row, instead of comparing every column with a plan held in memory. Any failure closes the
 * new database and returns a message saying nothing was changed.
 */

const MESSAGES = {
  failed:
    'The restore could not be completed: the new database could not be built. Nothing was changed. Try again; if it keeps failing, report the details.',
  unverified:
    'The restore could not be completed: the rebuilt database did not pass its checks, so it was not used. Nothing was changed. Report the details.',
};

/** Checks a built database; returns what is wrong, or null. `checksum`: what its data must hash to. */
export async function certifyDatabase(db: Database, checksum: string | null): Promise<string | null> {
  const integrity = db.exec('PRAGMA quick_check')[0]?.values.map((row) => row[0]);
  if (!integrity || integrity.length !== 1 || integrity[0] !== 'ok')
    return `quick_check: ${JSON.stringify(integrity).slice(0, 500)}`;
  const foreignKeys = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
  if (foreignKeys.length > 0)
    return `foreign_key_check: ${foreignKeys.length} violations, first ${JSON.stringify(foreignKeys[0])}`;
  if (checksum !== null) {
    const stored = await databaseChecksum(db);
    if (stored !== checksum) return `checksum of the stored rows ${stored}, expected ${checksum}`;
  }
  return null;
}

/**
 * Replace: the file's own (already certified) database becomes the new one, with this
 * browser's bookkeeping and the file's activity added. Consumes `fileDb` on failure.
 */
export async function finishReplace(fileDb: Database, live: Database, args: FinishArgs): Promise<Result<Database>> {
  try {
    finishReplacement(fileDb, live, args);
    const problem = await certifyDatabase(fileDb, null);
    if (problem !== null) return closeWith(fileDb, fail('restore-unverified', MESSAGES.unverified, problem));
    return ok(fileDb);
  } catch (error) {
    return closeWith(fileDb, fail('restore-failed', MESSAGES.failed, describeThrown(error)));
  }
}

/**
 * Merge: a copy of the live database with what the file adds (merge.ts), this browser's meta
 * kept (a merge is not a backup point), the file's activity imported, the merge logged. Returns
 * the new database and its checksum; `fileDb` is left open for the caller.
 */
export async function buildMerged(
  SQL: SqlJsStatic,
  live: Database,
  fileDb: Database,
  args: FinishArgs,
): Promise<Result<{ db: Database; checksum: string; changed: boolean }>> {
  let next: Database;
  try {
    next = openDatabase(SQL, exportDatabase(live));
  } catch (error) {
    return fail('restore-failed', MESSAGES.failed, describeThrown(error));
  }
  try {
    const before = await databaseChecksum(next);
    const times = readDatabaseTimes(live);
    withAttached(next, fileDb, 'incoming', () =>
      inTransaction(next, () => {
        mergeInto(next);
        if (args.origin) importActivity(next, 'incoming.activity_log', args.origin);
      }),
    );
    const checksum = await databaseChecksum(next);
    const changed = checksum !== before;
    inTransaction(next, () => {
      // Not a backup point: the previous restore time stays; a merge that added nothing is no change.
      if (times.restoredAt === null) next.run('DELETE FROM app_meta WHERE key = ?', [META_KEYS.restoredAt]);
      else writeMeta(next, META_KEYS.restoredAt, times.restoredAt);
      writeMeta(next, META_KEYS.lastChangeAt, changed ? args.now : (times.lastChangeAt ?? args.now));
      logActivity(next, {
        at: args.now,
        kind: args.activity.kind,
        summary: args.activity.summary,
        details: { ...args.activity.details, checksum },
      });
    });
    const problem = await certifyDatabase(next, checksum);
    if (problem !== null) return closeWith(next, fail('restore-unverified', MESSAGES.unverified, problem));
    return ok({ db: next, checksum, changed });
  } catch (error) {
    return closeWith(next, fail('restore-failed', MESSAGES.failed, describeThrown(error)));
  }
}

export interface RestoreBuildArgs {
  tables: DataTables;
  /** The live database: its app_meta and activity_log are copied (it is never written). */
  keepFrom: Database;
  /** ISO UTC; becomes the restore time and the last change time. */
  now: string;
  activity: { kind: 'restore' | 'undo'; summary: string; details: Record<string, unknown> };
  onProgress?: (fraction: number) => void;
}

/**
 * A new, certified database holding `tables` and the live database's bookkeeping (undo of a
 * restore uses it, from the rows of the copy kept before the restore).
 */
export async function buildRestoredDatabase(SQL: SqlJsStatic, args: RestoreBuildArgs): Promise<Result<Database>> {
  let db: Database;
  try {
    db = openDatabase(SQL);
    inTransaction(db, () => {
      for (const table of DATA_TABLES) insertRows(db, table, args.tables[table]);
    });
  } catch (error) {
    return fail('restore-failed', MESSAGES.failed, describeThrown(error));
  }
  args.onProgress?.(0.6);
  const finished = await finishReplace(db, args.keepFrom, { now: args.now, activity: args.activity, origin: null });
  if (!finished.ok) return finished;
  const problem = await certifyDatabase(finished.value, await computeChecksum(sortedById(args.tables)));
  args.onProgress?.(1);
  if (problem !== null) return closeWith(finished.value, fail('restore-unverified', MESSAGES.unverified, problem));
  return finished;
}

function sortedById(tables: DataTables): DataTables {
  const sorted = {} as Record<string, unknown[]>;
  for (const table of DATA_TABLES) sorted[table] = [...tables[table]].sort((a, b) => a.id - b.id);
  return sorted as unknown as DataTables;
}

function closeWith<T>(db: Database, result: Result<T>): Result<T> {
  db.close();
  return result;
}
