import { logActivity } from '../../db/activity';
import { META_KEYS, writeMeta } from '../../db/meta';
import type { ActivityKind } from '../../db/rows';
import type { Database } from '../../db/sql-types';
import { inTransaction } from '../../db/transaction';
import { importActivity } from './activity-import';
import { withAttached } from './attach';

/**
 * The last step of every restore, merge and undo before it is stored: the new database gets this
 * browser's own bookkeeping from the live one (app_meta, the activity log, its place in the team
 * store — they belong to the browser, not to the file or the snapshot), the file's activity
 * entries it lacks, the restore time, and the entry for the restore itself, after the imported
 * ones. The live database is only read.
 */
export interface FinishArgs {
  /** ISO UTC; becomes the restore time and the last change time. */
  now: string;
  activity: { kind: ActivityKind; summary: string; details: Record<string, unknown> };
  /** Where imported entries came from (null: import none, e.g. an undo). */
  origin: { fileName: string; fileCreatedAt: string | null } | null;
}

/**
 * For a replace (or undo): `next` holds the new data and, in its activity_log, the file's own
 * entries; afterwards it holds the live database's meta and log plus the imported entries.
 */
export function finishReplacement(next: Database, live: Database, args: FinishArgs): void {
  // A snapshot may hold a team store key this browser has since forgotten: zeroed, not only unlinked.
  next.exec('PRAGMA secure_delete = ON');
  withAttached(next, live, 'live', () => {
    inTransaction(next, () => {
      next.exec(`CREATE TEMP TABLE file_activity AS SELECT id, at, kind, summary, details FROM main.activity_log;
        DELETE FROM main.activity_log; DELETE FROM main.app_meta; DELETE FROM main.team_store;
        INSERT INTO main.app_meta (key, value) SELECT key, value FROM live.app_meta;
        INSERT INTO main.team_store SELECT * FROM live.team_store;
        INSERT INTO main.activity_log (id, at, kind, summary, details) SELECT id, at, kind, summary, details FROM live.activity_log ORDER BY id;`);
      if (args.origin) importActivity(next, 'temp.file_activity', args.origin);
      next.exec('DROP TABLE temp.file_activity');
      writeMeta(next, META_KEYS.restoredAt, args.now);
      writeMeta(next, META_KEYS.lastChangeAt, args.now);
      logActivity(next, {
        at: args.now,
        kind: args.activity.kind,
        summary: args.activity.summary,
        details: args.activity.details,
      });
    });
  });
  next.exec('PRAGMA secure_delete = OFF');
}
