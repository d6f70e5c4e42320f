import { ok } from '../../core/result';
import { relativeObjectName, type ObjectName } from '../../core/team-store/object-names';
import type { SyncContext, SyncReport } from './sync-context';
import { engineWrite } from './engine-write';

/**
 * Objects refused (tampered, not what their name says, unreadable): reported in the sync's report
 * and kept in team_sync_refused, so the Team view can show them until they are gone. A refused
 * object is never applied, whatever else happens.
 */
export async function noteRefused(
  ctx: SyncContext,
  report: SyncReport,
  name: ObjectName,
  reason: string,
): Promise<void> {
  const relative = relativeObjectName(name);
  report.refused.push({ name: relative, reason });
  await engineWrite(ctx.deps.database, (db) => {
    db.run(
      'INSERT INTO team_sync_refused (name, reason, at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason, at = excluded.at',
      [relative, reason, ctx.nowIso()],
    );
    return ok(undefined);
  });
}
