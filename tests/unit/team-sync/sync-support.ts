import { createHash } from 'node:crypto';
import { databaseChecksum } from '../../../src/core/backup/checksum/database-rows';
import { fixedClock } from '../../../src/core/clock';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import type { DataTables } from '../../../src/core/db/rows';
import { readAllTables } from '../../../src/core/db/tables';
import type { Database, SqlJsStatic } from '../../../src/core/db/sql-types';
import { selectRows } from '../../../src/core/db/transaction';
import { ok, type Result } from '../../../src/core/result';
import type { CompactionPolicy } from '../../../src/core/team-sync/compaction';
import type { ObjectStore } from '../../../src/core/team-store/object-store';
import type { TeamKey } from '../../../src/core/team-store/team-keys';
import type { SyncReport } from '../../../src/worker/team-sync/sync-context';
import type { TeamConnection, TeamDatabase, TeamSyncDeps } from '../../../src/worker/team-sync/team-connection';
import { TeamSync } from '../../../src/worker/team-sync/team-sync';
import { loadSqlJs } from '../../support/sqljs';

/**
 * A simulated browser of a team, for the protocol's tests: a real sql.js database behind the
 * engine's TeamDatabase (as the live database does: a write brings its own transaction, a
 * replacement swaps the database), its own clock, a device id made from the person's name (so a
 * tie between two clocks always goes the same way), and a TeamSync over a shared object store.
 * `restart()` is a reload: the database's bytes reopened and a new engine over them.
 */
export class SimBrowser {
  db: Database;
  sync: TeamSync;
  readonly clock;
  safetySnapshots: string[] = [];
  /** When set, the store calls of this browser fail (it is offline). */
  isOffline = false;
  /** When set, only its writes of log objects fail (a store whose policy or quota refuses them). */
  refusesLogWrites = false;

  private constructor(
    private readonly SQL: SqlJsStatic,
    readonly store: ObjectStore,
    readonly teamKey: TeamKey,
    readonly deviceId: string,
    readonly person: string,
    startIso: string,
    private readonly options: SimOptions,
  ) {
    this.db = openDatabase(SQL);
    this.clock = fixedClock(startIso);
    this.sync = this.makeSync();
  }

  static async open(
    store: ObjectStore,
    teamKey: TeamKey,
    person: string,
    options: SimOptions = {},
  ): Promise<SimBrowser> {
    return new SimBrowser(
      await loadSqlJs(),
      store,
      teamKey,
      options.deviceId ?? createHash('md5').update(person).digest('hex'),
      person,
      options.startIso ?? '2026-12-07T09:00:00.000Z',
      options,
    );
  }

  /** A reload: the stored bytes reopened, a new engine. */
  restart(): void {
    const bytes = exportDatabase(this.db);
    this.db.close();
    this.db = openDatabase(this.SQL, bytes);
    this.sync = this.makeSync();
  }

  /** Runs a local write as the app does (then captures it, as the app's write path will). */
  async local<T>(write: (db: Database, now: string) => T, capture = true): Promise<T> {
    const result = write(this.db, this.clock.now().toISOString());
    if (capture) {
      const captured = await this.sync.captureLocalWrites();
      if (captured.ok) STATS.captured += captured.value;
    }
    return result;
  }

  checksum(): Promise<string> {
    return databaseChecksum(this.db);
  }

  /** The checksum of what this browser shares: without the rows of a run still sending (they stay local). */
  sharedChecksum(): Promise<string> {
    return this.withShared((copy) => databaseChecksum(copy));
  }

  /** The data tables this browser shares (see sharedChecksum). */
  sharedTables(): Promise<DataTables> {
    return this.withShared((copy) => Promise.resolve(readAllTables(copy)));
  }

  private async withShared<T>(work: (copy: Database) => Promise<T>): Promise<T> {
    const copy = openDatabase(this.SQL, exportDatabase(this.db));
    try {
      copy.exec(
        "DELETE FROM upload_history WHERE id IN (SELECT upload_history_id FROM processing_runs WHERE state = 'sending')",
      );
      return await work(copy);
    } finally {
      copy.close();
    }
  }

  rows<T = Record<string, unknown>>(sql: string): T[] {
    return selectRows<T>(this.db, sql);
  }

  advance(ms: number): void {
    this.clock.set(new Date(this.clock.now().getTime() + ms));
  }

  private makeSync(): TeamSync {
    return new TeamSync({ ...this.engineParts(), connection: this.connection() });
  }

  /** What the engine is built from, but the connection (a TeamSyncFeature gets that later). */
  engineParts(): Omit<TeamSyncDeps, 'connection'> {
    const database: TeamDatabase = {
      read: (query) => query(this.db),
      // As the live database writes: the operation brings its own transaction.
      write: (operation) => Promise.resolve(operation(this.db, this.clock.now().toISOString())),
      replace: (next) => {
        this.db.close();
        this.db = next;
        return Promise.resolve(ok(undefined));
      },
    };
    return {
      database,
      SQL: this.SQL,
      clock: this.clock,
      takeSafetySnapshot: (summary): Promise<Result<unknown>> => {
        this.safetySnapshots.push(summary);
        return Promise.resolve(ok(undefined));
      },
      ...(this.options.compaction ? { compaction: this.options.compaction } : {}),
      ...(this.options.maxChangesPerLog ? { maxChangesPerLog: this.options.maxChangesPerLog } : {}),
    };
  }

  /** This browser's team store connection (offline when `isOffline`). */
  connection(): TeamConnection {
    return {
      store: offlineWhen(
        this.store,
        () => this.isOffline,
        () => this.refusesLogWrites,
      ),
      prefix: this.options.prefix ?? 'team/',
      teamKey: this.teamKey,
      deviceId: this.deviceId,
      browserName: `${this.person}'s browser`,
      person: this.person,
    };
  }
}

export interface SimOptions {
  deviceId?: string;
  /** The team's prefix in the store (default `team/`). */
  prefix?: string;
  startIso?: string;
  compaction?: Partial<CompactionPolicy>;
  maxChangesPerLog?: number;
}

/** The store as seen from a browser that may be offline (every call unreachable then). */
function offlineWhen(store: ObjectStore, isOffline: () => boolean, refusesLogs: () => boolean): ObjectStore {
  const down = () =>
    Promise.resolve({
      ok: false as const,
      error: { code: 'unreachable' as const, message: 'offline', detail: 'simulated' },
    });
  return {
    put: (...args) => (isOffline() || (refusesLogs() && args[0].includes('/log/')) ? down() : store.put(...args)),
    get: (...args) => (isOffline() ? down() : store.get(...args)),
    head: (...args) => (isOffline() ? down() : store.head(...args)),
    list: (...args) => (isOffline() ? down() : store.list(...args)),
    delete: (...args) => (isOffline() ? down() : store.delete(...args)),
  };
}

/** Runs `syncNow` and fails the test on a failure value. */
/** What the property runs exercised, summed (printed at their end). */
export const STATS = {
  rounds: 0,
  conflictsChecked: 0,
  captured: 0,
  syncs: 0,
  applied: 0,
  pushed: 0,
  snapshotsLoaded: 0,
  snapshotsWritten: 0,
  compacted: 0,
  lost: 0,
  rejoined: 0,
  /** Two browsers that both started the team at once. */
  racingStarts: 0,
};

/** Runs `syncNow` and fails the test on a failure value. */
export async function syncOk(browser: SimBrowser): Promise<SyncReport> {
  const result = await countedSync(browser.sync.syncNow());
  if (!result.ok)
    throw new Error(`${browser.person}: ${result.error.code} ${result.error.message} ${result.error.detail ?? ''}`);
  return result.value;
}

/** Adds a sync's report to STATS. */
export async function countedSync(pending: Promise<Result<SyncReport>>): Promise<Result<SyncReport>> {
  const result = await pending;
  if (result.ok) {
    STATS.syncs++;
    STATS.applied += result.value.applied;
    STATS.pushed += result.value.pushed;
    STATS.snapshotsLoaded += result.value.loadedSnapshot ? 1 : 0;
    STATS.snapshotsWritten += result.value.wroteSnapshot ? 1 : 0;
    STATS.compacted += result.value.compacted;
    STATS.lost += result.value.lost.length;
    STATS.rejoined += result.value.rejoined ? 1 : 0;
  }
  return result;
}
