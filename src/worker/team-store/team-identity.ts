import { logActivity } from '../../core/db/activity';
import { inTransaction } from '../../core/db/transaction';
import {
  forgetTeamConnection,
  readTeamStore,
  writeCopyBeforeRisky,
  writeTeamConnection,
  writeTeamIdentity,
  type StoreKind,
  type TeamIdentity,
} from '../../core/db/team-store-settings';
import { checkName } from '../../core/names';
import { ok, type Result } from '../../core/result';
import { newObjectId } from '../../core/team-store/object-names';
import type { LiveDatabase } from '../engine/live-database';
import type { JoinedTeam } from './connect-team';

/**
 * This browser's row of `team_store`, written through the live database (one transaction, saved
 * before the call resolves): its names, the connection once a team was opened, forgetting it.
 */

/** The names checked by the app's one name rule; the device id stays (or is made once). */
export function identityOf(live: LiveDatabase, names: { browserName: string; person: string }): Result<TeamIdentity> {
  const browserName = checkName(names.browserName, 'name for this browser (e.g. Dispatch desk 2)');
  if (!browserName.ok) return browserName;
  const person = checkName(names.person, 'name for yourself (teammates see it beside your backups)');
  if (!person.ok) return person;
  const deviceId = live.read(readTeamStore)?.identity.deviceId ?? newObjectId();
  return ok({ deviceId, browserName: browserName.value, person: person.value });
}

export function saveIdentity(live: LiveDatabase, identity: TeamIdentity): Promise<Result<void>> {
  return live.write((db) => {
    writeTeamIdentity(db, identity);
    return ok(undefined);
  });
}

export function saveConnection(
  live: LiveDatabase,
  identity: TeamIdentity,
  team: JoinedTeam,
  settings: { kind?: StoreKind; accessKeyId: string; secretAccessKey: string },
  byline: string,
): Promise<Result<void>> {
  return live.write((db, nowIso) => {
    inTransaction(db, () => {
      writeTeamIdentity(db, identity);
      writeTeamConnection(db, {
        ...team.address,
        ...(settings.kind === 'folder' ? { kind: 'folder' as const } : {}),
        accessKeyId: settings.accessKeyId.trim(),
        secretAccessKey: settings.secretAccessKey.trim(),
        teamId: team.teamId,
        teamKey: team.teamKeyBytes,
        connectedAt: nowIso,
      });
      const where =
        settings.kind === 'folder'
          ? `the shared folder ${team.address.bucket}/${team.address.prefix}`
          : `the team store ${team.address.bucket}/${team.address.prefix}`;
      logActivity(db, {
        at: nowIso,
        kind: 'team-store',
        summary:
          `${team.created ? 'Created the team' : 'Joined the team'} in ${where} ` +
          `as ${identity.browserName}${byline}`,
        details: {
          endpoint: team.address.endpoint,
          bucket: team.address.bucket,
          prefix: team.address.prefix,
          teamId: team.teamId,
        },
      });
    });
    return ok(undefined);
  });
}

export function removeConnection(live: LiveDatabase, byline: string): Promise<Result<void>> {
  return live.write((db, nowIso) => {
    inTransaction(db, () => {
      forgetTeamConnection(db);
      logActivity(db, {
        at: nowIso,
        kind: 'team-store',
        summary: `Disconnected from the team store: its key and the team key were forgotten here${byline}`,
      });
    });
    return ok(undefined);
  });
}

export function saveCopyBeforeRisky(live: LiveDatabase, isOn: boolean): Promise<Result<void>> {
  return live.write((db) => {
    writeCopyBeforeRisky(db, isOn);
    return ok(undefined);
  });
}
