import { databaseChecksum } from '../../../src/core/backup/checksum/database-rows';
import { fixedClock } from '../../../src/core/clock';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import type { Database, SqlJsStatic } from '../../../src/core/db/sql-types';
import { selectRows } from '../../../src/core/db/transaction';
import { ok, type Result } from '../../../src/core/result';
import type { CompactionPolicy } from '../../../src/core/team-sync/compaction';
import type { ObjectStore } from '../../../src/core/team-store/object-store';
import { newObjectId } from '../../../src/core/team-store/object-names';
import type { TeamKey } from '../../../src/core/team-store/team-keys';
import type { TeamDatabase } from '../../../src/worker/team-sync/team-connection';
import { TeamSync } from '../../../src/worker/team-sync/team-sync';
import { loadSqlJs } from '../../support/sqljs';

/**
 * A simulated browser of a team, for the protocol's tests: a real sql.js database behind the
 * engine's TeamDatabase (writes in their own transaction, replacement swaps the database, as the
 * live database does), its own clock, and a TeamSync over a shared object store. `restart()` is a
 * reload: the database's bytes reopened and a new engine over them.
 */
export class SimBrowser {
  db: Database;
  sync: TeamSync;
  readonly clock;
  safetySnapshots: string[] = [];
  /** When set, the store calls of this browser fail (it is offline). */
  isOffline = false;

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
      options.deviceId ?? newObjectId(),
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
    if (capture) await this.sync.captureLocalWrites();
    return result;
  }

  checksum(): Promise<string> {
    return databaseChecksum(this.db);
  }

  rows<T = Record<string, unknown>>(sql: string): T[] {
    return selectRows<T>(this.db, sql);
  }

  advance(ms: number): void {
    this.clock.set(new Date(this.clock.now().getTime() + ms));
  }

  private makeSync(): TeamSync {
    const browser = this;
    const database: TeamDatabase = {
      read: (query) => query(browser.db),
      write: async (operation) => {
        browser.db.exec('BEGIN');
        try {
          const result = operation(browser.db, browser.clock.now().toISOString());
          browser.db.exec(result.ok ? 'COMMIT' : 'ROLLBACK');
          return result;
        } catch (error) {
          browser.db.exec('ROLLBACK');
          throw error;
        }
      },
      replace: async (next) => {
        browser.db.close();
        browser.db = next;
        return ok(undefined);
      },
    };
    const store = offlineWhen(this.store, () => browser.isOffline);
    return new TeamSync({
      database,
      SQL: this.SQL,
      connection: {
        store,
        prefix: 'team/',
        teamKey: this.teamKey,
        deviceId: this.deviceId,
        browserName: `${this.person}'s browser`,
        person: this.person,
      },
      clock: this.clock,
      takeSafetySnapshot: async (summary): Promise<Result<unknown>> => {
        browser.safetySnapshots.push(summary);
        return ok(undefined);
      },
      ...(this.options.compaction ? { compaction: this.options.compaction } : {}),
      ...(this.options.maxChangesPerLog ? { maxChangesPerLog: this.options.maxChangesPerLog } : {}),
    });
  }
}

export interface SimOptions {
  deviceId?: string;
  startIso?: string;
  compaction?: Partial<CompactionPolicy>;
  maxChangesPerLog?: number;
}

/** The store as seen from a browser that may be offline (every call unreachable then). */
function offlineWhen(store: ObjectStore, isOffline: () => boolean): ObjectStore {
  const down = async () => ({
    ok: false as const,
    error: { code: 'unreachable' as const, message: 'offline', detail: 'simulated' },
  });
  return {
    put: (...args) => (isOffline() ? down() : store.put(...args)),
    get: (...args) => (isOffline() ? down() : store.get(...args)),
    head: (...args) => (isOffline() ? down() : store.head(...args)),
    list: (...args) => (isOffline() ? down() : store.list(...args)),
    delete: (...args) => (isOffline() ? down() : store.delete(...args)),
  };
}

/** Runs `syncNow` and fails the test on a failure value. */
export async function syncOk(browser: SimBrowser) {
  const result = await browser.sync.syncNow();
  if (!result.ok)
    throw new Error(`${browser.person}: ${result.error.code} ${result.error.message} ${result.error.detail ?? ''}`);
  return result.value;
}
