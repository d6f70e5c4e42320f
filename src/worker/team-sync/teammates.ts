import type { Database } from '../../core/db/sql-types';
import { selectRows } from '../../core/db/transaction';
import { ok } from '../../core/result';
import { parseDeviceState, type DeviceState } from '../../core/team-sync/device-state';
import type { TeamListing } from '../../core/team-sync/store-listing';
import { noteRefused } from './refused';
import type { SyncContext, SyncReport } from './sync-context';
import { engineWrite } from './engine-write';

/**
 * Teammates' state objects, read when their entity tag changed (a listing carries it, so an idle
 * team costs no reads) and kept in team_sync_devices.
 */

/** Every teammate's last state read (this browser's own not included). */
export function readTeammates(db: Database): DeviceState[] {
  return selectRows<{ state: string }>(db, 'SELECT state FROM team_sync_devices').map(
    (r) => JSON.parse(r.state) as DeviceState,
  );
}

/** Reads the states that changed since last time; refuses (and reports) one that does not open or fit. */
export async function refreshTeammates(ctx: SyncContext, listing: TeamListing, report: SyncReport): Promise<void> {
  const known = new Map(
    ctx.deps.database
      .read((db) => selectRows<{ device: string; etag: string }>(db, 'SELECT device, etag FROM team_sync_devices'))
      .map((r) => [r.device, r.etag]),
  );
  const fresh: { device: string; state: DeviceState; etag: string }[] = [];
  for (const [device, objects] of listing.devices) {
    if (device === ctx.me || !objects.state || known.get(device) === objects.state.etag) continue;
    const name = { kind: 'state' as const, deviceId: device };
    const fetched = await ctx.objects.get(name, 'team-state');
    if (fetched.outcome === 'unavailable') continue;
    if (fetched.outcome === 'refused') {
      await noteRefused(ctx, report, name, fetched.error.detail ?? fetched.error.message);
      continue;
    }
    const state = parseDeviceState(fetched.bytes, ctx.deps.connection.teamKey.teamId, device);
    if (!state.ok) {
      await noteRefused(ctx, report, name, state.error.detail ?? state.error.message);
      continue;
    }
    fresh.push({ device, state: state.value, etag: objects.state.etag });
  }
  if (fresh.length === 0) return;
  report.statesRead += fresh.length;
  await engineWrite(ctx.deps.database, (db) => {
    for (const { device, state, etag } of fresh) {
      db.run(
        'INSERT INTO team_sync_devices (device, state, etag) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET state = excluded.state, etag = excluded.etag',
        [device, JSON.stringify(state), etag],
      );
    }
    return ok(undefined);
  });
}
