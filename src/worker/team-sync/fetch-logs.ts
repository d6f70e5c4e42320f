import { parseLogBody } from '../../core/team-sync/log-format';
import type { FetchedLog, LogCursor } from '../../core/team-sync/log-processing';
import { logsToRead, type TeamListing } from '../../core/team-sync/store-listing';
import { noteRefused } from './refused';
import type { SyncContext, SyncReport } from './sync-context';

/**
 * The log objects each device wrote after `positions`, downloaded, opened and checked, as cursors
 * for log-processing.ts; `gaps`: devices whose next log object is gone (compacted), with the first
 * one still there. A device's logs stop at the first that cannot be had (the store failed, or it
 * was refused and reported): the ones after it wait, since a device's changes apply in order.
 */
export async function fetchNewLogs(
  ctx: SyncContext,
  listing: TeamListing,
  positions: Record<string, number>,
  report: SyncReport,
): Promise<{ cursors: Map<string, LogCursor>; gaps: Map<string, number> }> {
  const cursors = new Map<string, LogCursor>();
  const gaps = new Map<string, number>();
  for (const [device, objects] of listing.devices) {
    const position = positions[device] ?? 0;
    const { read, gap } = logsToRead(objects.logs, position);
    if (gap) gaps.set(device, objects.logs.find((s) => s > position) ?? 0);
    const logs = await fetchLogs(ctx, device, read, report);
    if (logs.length > 0) cursors.set(device, { logs, next: 0, change: 0 });
  }
  return { cursors, gaps };
}

async function fetchLogs(
  ctx: SyncContext,
  device: string,
  sequences: readonly number[],
  report: SyncReport,
): Promise<FetchedLog[]> {
  const logs: FetchedLog[] = [];
  for (const sequence of sequences) {
    const name = { kind: 'log' as const, deviceId: device, sequence };
    const fetched = await ctx.objects.get(name, 'team-log');
    if (fetched.outcome === 'unavailable') break;
    if (fetched.outcome === 'refused') {
      await noteRefused(ctx, report, name, fetched.error.detail ?? fetched.error.message);
      break;
    }
    const body = parseLogBody(fetched.bytes, { team: ctx.deps.connection.teamKey.teamId, device, sequence });
    if (!body.ok) {
      await noteRefused(ctx, report, name, body.error.detail ?? body.error.message);
      break;
    }
    logs.push({ device, sequence, body: body.value });
    report.logsRead++;
  }
  return logs;
}
