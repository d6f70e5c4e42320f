import type { Clock } from '../../core/clock';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import type { Result } from '../../core/result';
import type { CompactionPolicy } from '../../core/team-sync/compaction';
import type { ObjectStore } from '../../core/team-store/object-store';
import type { TeamKey } from '../../core/team-store/team-keys';

/**
 * What the team database's engine needs from the team store's connection (set up in the Team
 * view): the store, the team's prefix in it, the opened team key (its team id inside), and who
 * this browser is. Nothing else of the connection — credentials, the manifest — reaches sync.
 */
export interface TeamConnection {
  store: ObjectStore;
  /** The team's prefix in the bucket, ending with "/" (or empty). */
  prefix: string;
  teamKey: TeamKey;
  /** This browser's device id (32 hex), the same one its backups are filed under. */
  deviceId: string;
  /** This browser's name as the team sees it ("Front desk laptop"). */
  browserName: string;
  /** Who uses it (the operator's name). */
  person: string;
}

/** The live database as sync uses it: reads, writes that are saved, and a replacement. */
export interface TeamDatabase {
  /** Runs a read (no transaction needed; never while one of the engine's writes is open). */
  read<T>(query: (db: Database) => T): T;
  /** Runs one write (its own transaction inside) and saves; a refusal changes nothing. */
  write<T>(operation: (db: Database, nowIso: string) => Result<T>): Promise<Result<T>>;
  /** Stores `next` and makes it the live database (a join, a catch-up, a team restore). */
  replace(next: Database): Promise<Result<void>>;
}

/** Everything the engine is built from. */
export interface TeamSyncDeps {
  database: TeamDatabase;
  SQL: SqlJsStatic;
  connection: TeamConnection;
  /** The page's clock (the app's one clock). */
  clock: Clock;
  /** Takes this browser's "Before restore" snapshot; a team restore waits until it succeeded. */
  takeSafetySnapshot: (summary: string) => Promise<Result<unknown>>;
  /** When this browser last made a backup (for its state object), if known. */
  lastBackupAt?: () => string | null;
  /** Compaction's thresholds (tests make them small). */
  compaction?: Partial<CompactionPolicy>;
  /** Most changes in one log object (the rest go into the next ones). */
  maxChangesPerLog?: number;
}

/** What the team store's session offers (a structural type: features import each other only as types). */
export interface StoreSessionParts {
  /** The store limited to this browser's own objects for writes and deletes; reads pass through. */
  own: ObjectStore;
  prefix: string;
  teamKey: TeamKey;
  identity: { deviceId: string; browserName: string; person: string };
}

/** Sync's connection made from the team store's session: one connection, the same guard on writes. */
export function syncConnectionOf(session: StoreSessionParts): TeamConnection {
  return {
    store: session.own,
    prefix: session.prefix,
    teamKey: session.teamKey,
    deviceId: session.identity.deviceId,
    browserName: session.identity.browserName,
    person: session.identity.person,
  };
}
