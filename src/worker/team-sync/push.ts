import { fail, ok, type Result } from '../../core/result';
import { encodeUtf8 } from '../../core/backup/format/encoding';
import type { LogBody } from '../../core/team-sync/changes';
import { outgoingLogs, packQueuedChanges, writePosition } from '../../core/team-sync/local-queue';
import { META, readSyncMeta, writeSyncMeta } from '../../core/team-sync/sync-meta';
import type { SyncContext, SyncReport } from './sync-context';
import { writeSnapshot } from './snapshot-writer';
import { engineWrite } from './engine-write';

/**
 * Push: this browser's captured changes become log objects (at most `maxChangesPerLog` each),
 * numbered once and for all, then stored in order. Only this browser's own names are written, and
 * never conditionally: a log stored twice after a failed answer holds the same bytes. A team
 * restore's snapshot is stored (and checked) before the log that announces the restore.
 * `storedUpTo` is this browser's highest log sequence the last listing showed (never numbered again).
 */
export async function push(ctx: SyncContext, report: SyncReport, storedUpTo: number): Promise<Result<void>> {
  const { database, connection } = ctx.deps;
  const packed = await engineWrite(database, (db) => {
    packQueuedChanges(
      db,
      { team: connection.teamKey.teamId, device: ctx.me, person: connection.person, browser: connection.browserName },
      ctx.maxChangesPerLog,
      storedUpTo,
    );
    return ok(undefined);
  });
  if (!packed.ok) return packed;
  for (const log of database.read((db) => outgoingLogs(db))) {
    const body = JSON.parse(log.body) as LogBody;
    const restoreSnapshot = database.read((db) => readSyncMeta(db, META.restoreSnapshot));
    if (restoreSnapshot && body.changes.some((c) => c.k === 'restore' && c.r.snapshot.objectId === restoreSnapshot)) {
      const written = await writeSnapshot(ctx, restoreSnapshot);
      if (!written.ok) return unreachable(report, written.error.message, written.error.detail);
      await engineWrite(database, (db) => {
        writeSyncMeta(db, META.restoreSnapshot, '');
        return ok(undefined);
      });
      report.wroteSnapshot = true;
    }
    const name = { kind: 'log' as const, deviceId: ctx.me, sequence: log.sequence };
    const put = await ctx.objects.put(
      name,
      'team-log',
      { sequence: log.sequence, changes: log.changes },
      encodeUtf8(log.body),
      ctx.nowIso(),
    );
    if (!put.ok) return unreachable(report, put.error.message, put.error.detail);
    await engineWrite(database, (db) => {
      db.run('DELETE FROM team_sync_outgoing WHERE sequence = ?', [log.sequence]);
      writePosition(db, ctx.me, log.sequence);
      return ok(undefined);
    });
    report.pushed += log.changes;
  }
  return ok(undefined);
}

function unreachable(report: SyncReport, message: string, detail?: string): Result<never> {
  report.unreachable = message;
  return fail('team-store-unreachable', message, detail);
}
