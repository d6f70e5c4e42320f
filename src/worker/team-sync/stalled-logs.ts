import type { Database } from '../../core/db/sql-types';
import { ok } from '../../core/result';
import { META, readSyncMeta, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { engineWrite } from './engine-write';
import type { SyncContext } from './sync-context';

/**
 * A teammate's log with a gap no counted snapshot covers (its objects were deleted or lost in the
 * store): that device's later changes cannot apply here, since a device's changes apply in order.
 * It is said, never silent — which browser, since when, which objects are missing — until the gap
 * is covered (a snapshot that covers it appears, or the objects come back).
 */

export interface StalledLog {
  device: string;
  /** When this browser first found the gap. */
  since: string;
  /** The first log object missing, and the first one still there after it. */
  missingFrom: number;
  nextThere: number;
}

/** The gaps this browser is stuck at now, by device. */
export function readStalledLogs(db: Database): StalledLog[] {
  return JSON.parse(readSyncMeta(db, META.stalledLogs) ?? '[]') as StalledLog[];
}

/** Records the gaps of this pull that no snapshot covers (keeping when each was first found). */
export async function noteStalledLogs(
  ctx: SyncContext,
  gaps: ReadonlyMap<string, number>,
  positions: Record<string, number>,
): Promise<void> {
  const before = ctx.deps.database.read((db) => readStalledLogs(db));
  const known = new Map(before.map((s) => [s.device, s]));
  const now: StalledLog[] = [...gaps].map(([device, nextThere]) => ({
    device,
    since: known.get(device)?.since ?? ctx.nowIso(),
    missingFrom: (positions[device] ?? 0) + 1,
    nextThere,
  }));
  if (JSON.stringify(now) === JSON.stringify(before)) return;
  await engineWrite(ctx.deps.database, (db) => {
    writeSyncMeta(db, META.stalledLogs, JSON.stringify(now));
    return ok(undefined);
  });
}
