import type { Database } from './sql-types';
import { selectRows } from './transaction';

/**
 * This browser's row of `team_store` (schema version 3; the kind of store since 5): who this browser is in the team — a
 * random device id, the browser's name and the person using it, kept across a disconnect so a
 * reconnected browser goes on writing under the same device id — and, while connected, where the
 * store is, the key to it and the opened team key (32 raw bytes; the database is this browser's
 * secret store, sealed at rest by the app lock). The team database (sync) reads the same row.
 */

export interface TeamIdentity {
  deviceId: string;
  browserName: string;
  person: string;
}

/** An S3 bucket, or the team's shared folder (File System Access; the handle is kept in IndexedDB). */
export type StoreKind = 's3' | 'folder';

/** Where the store is and the key to it: what the `Team store` form asks for. */
export interface StoreAddress {
  /** Absent: an S3 bucket. A folder has no endpoint, region or key; `bucket` holds the folder's name. */
  kind?: StoreKind;
  endpoint: string;
  region: string;
  bucket: string;
  /** '' or segments ending in '/'. */
  prefix: string;
  addressing: 'path' | 'virtual-host';
  accessKeyId: string;
  secretAccessKey: string;
}

export interface TeamConnection extends StoreAddress {
  teamId: string;
  /** The team key's raw bytes, unwrapped once with the passphrase (or the recovery key). */
  teamKey: Uint8Array;
  connectedAt: string;
}

export interface TeamStoreRow {
  identity: TeamIdentity;
  /** Also make a store copy before risky steps (restore, merge, delete, processing). */
  copyBeforeRisky: boolean;
  /** Null when not connected (never, or after Disconnect). */
  connection: TeamConnection | null;
}

interface RawRow {
  device_id: string;
  browser_name: string;
  person: string;
  copy_before_risky: number;
  endpoint: string | null;
  region: string | null;
  bucket: string | null;
  prefix: string | null;
  addressing: string | null;
  access_key_id: string | null;
  secret_access_key: string | null;
  team_id: string | null;
  team_key: Uint8Array | null;
  connected_at: string | null;
  store_kind: string;
}

/** The row, or null when this browser never had one. */
export function readTeamStore(db: Database): TeamStoreRow | null {
  const [row] = selectRows<RawRow>(db, 'SELECT * FROM team_store WHERE id = 1');
  if (!row) return null;
  const identity = { deviceId: row.device_id, browserName: row.browser_name, person: row.person };
  const hasConnection =
    row.team_key !== null && row.secret_access_key !== null && row.team_id !== null && row.endpoint !== null;
  const connection: TeamConnection | null = hasConnection
    ? {
        ...(row.store_kind === 'folder' ? { kind: 'folder' as const } : {}),
        endpoint: row.endpoint ?? '',
        region: row.region ?? '',
        bucket: row.bucket ?? '',
        prefix: row.prefix ?? '',
        addressing: row.addressing === 'virtual-host' ? 'virtual-host' : 'path',
        accessKeyId: row.access_key_id ?? '',
        secretAccessKey: row.secret_access_key ?? '',
        teamId: row.team_id ?? '',
        teamKey: new Uint8Array(row.team_key ?? []),
        connectedAt: row.connected_at ?? '',
      }
    : null;
  return { identity, copyBeforeRisky: row.copy_before_risky === 1, connection };
}

/** Writes the identity (creating the row when there is none); the connection stays as it is. */
export function writeTeamIdentity(db: Database, identity: TeamIdentity): void {
  db.run(
    `INSERT INTO team_store (id, device_id, browser_name, person) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET browser_name = excluded.browser_name, person = excluded.person`,
    [identity.deviceId, identity.browserName, identity.person],
  );
}

/** Stores a connection (the row must exist: write the identity first, in the same transaction). */
export function writeTeamConnection(db: Database, c: TeamConnection): void {
  db.run(
    `UPDATE team_store SET endpoint = ?, region = ?, bucket = ?, prefix = ?, addressing = ?, access_key_id = ?,
       secret_access_key = ?, team_id = ?, team_key = ?, connected_at = ?, store_kind = ? WHERE id = 1`,
    [
      c.endpoint,
      c.region,
      c.bucket,
      c.prefix,
      c.addressing,
      c.accessKeyId,
      c.secretAccessKey,
      c.teamId,
      c.teamKey,
      c.connectedAt,
      c.kind ?? 's3',
    ],
  );
}

/**
 * Forgets where the store is, its key and the team key; the identity stays. With secure_delete
 * the old values are overwritten with zeros, not only unlinked: the next save of the database file
 * holds no trace of them (a plain UPDATE leaves the old bytes in a free part of the page).
 */
export function forgetTeamConnection(db: Database): void {
  db.exec('PRAGMA secure_delete = ON');
  db.run(
    `UPDATE team_store SET endpoint = NULL, region = NULL, bucket = NULL, prefix = NULL, addressing = NULL,
       access_key_id = NULL, secret_access_key = NULL, team_id = NULL, team_key = NULL, connected_at = NULL,
       store_kind = 's3'
     WHERE id = 1`,
  );
  db.exec('PRAGMA secure_delete = OFF');
}

export function writeCopyBeforeRisky(db: Database, isOn: boolean): void {
  db.run('UPDATE team_store SET copy_before_risky = ? WHERE id = 1', [isOn ? 1 : 0]);
}
