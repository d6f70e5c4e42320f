import { sha256Hex } from '../../core/backup/checksum/canonical';
import type { Bytes } from '../../core/backup/format/encoding';
import { readDatabaseTimes, type DatabaseTimes } from '../../core/db/meta';
import type { DataTables } from '../../core/db/rows';
import { openDatabase } from '../../core/db/open';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { readAllTables } from '../../core/db/tables';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { gunzipSnapshot } from './snapshot-check';
import type { SnapshotStore } from './snapshot-store';

const MESSAGES = {
  notVerified: 'This snapshot did not pass its check, so it is not offered for restoring or downloading. Choose another snapshot. Nothing was changed.',
  damaged: 'This snapshot is damaged in storage (its bytes no longer match what was saved), so it was not used. Nothing was changed. It is now marked “Verification failed”; choose another snapshot.',
};

/** A snapshot's rows, and the times its database recorded (an undo brings them back). */
export interface SnapshotContents {
  tables: DataTables;
  times: DatabaseTimes;
}

/**
 * Opens a verified snapshot's rows for a restore or a download. The stored bytes must still have
 * the digest recorded when the snapshot was taken — a copy damaged since is refused, and marked
 * failed so it is never offered again. Then the rows are read in a scratch database, brought to
 * the current schema.
 */
export async function openSnapshotTables(
  SQL: SqlJsStatic,
  store: SnapshotStore,
  manifest: SnapshotManifest,
  /** Records that the copy failed (the caller updates the manifest, one change at a time). */
  markFailed: (problem: string) => Promise<void>,
): Promise<Result<SnapshotContents>> {
  if (manifest.verification.state !== 'verified') return fail('snapshot-not-verified', MESSAGES.notVerified);
  const stored = await store.readBytes(manifest.id);
  let bytes: Bytes | null = null;
  try {
    bytes = stored ? await gunzipSnapshot(stored) : null;
  } catch {
    bytes = null;
  }
  if (bytes === null || (await sha256Hex(bytes)) !== manifest.databaseSha256) {
    await markFailed('The stored copy differs from the database that was saved: it was damaged in storage.');
    return fail('snapshot-damaged', MESSAGES.damaged);
  }
  try {
    const db = openDatabase(SQL, bytes);
    try {
      return ok({ tables: readAllTables(db), times: readDatabaseTimes(db) });
    } finally {
      db.close();
    }
  } catch (error) {
    return fail('snapshot-damaged', MESSAGES.damaged, describeThrown(error));
  }
}
