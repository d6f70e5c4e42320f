import type { TeamConnection, TeamIdentity } from '../../core/db/team-store-settings';
import type { ObjectStore } from '../../core/team-store/object-store';
import { ownObjectsOnly } from '../../core/team-store/own-objects-guard';
import { importTeamKey, type TeamKey } from '../../core/team-store/team-keys';
import type { S3Settings } from '../../platform/team-store/s3-request';
import type { StoreTransport } from './store-transport';

/**
 * A connected store as the feature's operations use it: the store itself (reads, the connection
 * check), the same store limited to this browser's own objects (every upload and delete goes
 * through it), and the opened team key. Built from the database row once per connection.
 */
export interface StoreSession {
  store: ObjectStore;
  own: ObjectStore;
  teamKey: TeamKey;
  prefix: string;
  identity: TeamIdentity;
  connection: TeamConnection;
}

export function s3SettingsOf(
  c: Pick<TeamConnection, 'endpoint' | 'region' | 'bucket' | 'addressing'> & {
    accessKeyId: string;
    secretAccessKey: string;
  },
): S3Settings {
  return {
    endpoint: c.endpoint,
    region: c.region,
    bucket: c.bucket,
    addressing: c.addressing,
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
  };
}

export async function openSession(
  transport: StoreTransport,
  identity: TeamIdentity,
  connection: TeamConnection,
): Promise<StoreSession> {
  const store = transport.open(s3SettingsOf(connection));
  return {
    store,
    own: ownObjectsOnly(store, connection.prefix, identity.deviceId),
    teamKey: await importTeamKey(connection.teamId, connection.teamKey),
    prefix: connection.prefix,
    identity,
    connection,
  };
}
