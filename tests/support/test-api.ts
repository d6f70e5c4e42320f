import 'fake-indexeddb/auto';
import { fixedClock, type Clock } from '../../src/core/clock';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';
import { openIdbSnapshotStore } from '../../src/platform/snapshot-store';
import { inProcessSnapshotChecker, type SnapshotChecker } from '../../src/worker/snapshots/snapshot-check';
import type { SnapshotStore } from '../../src/worker/snapshots/snapshot-store';
import { openDatabaseService, type DatabaseService } from '../../src/worker/database-service';
import type { DatabaseStore } from '../../src/worker/database-store';
import { singleTabCoordination, type TabCoordination } from '../../src/worker/tab-coordination';
import { loadSqlJs } from './sqljs';

let storeCounter = 0;

export interface TestApiOptions {
  clock?: Clock;
  /** A store to use (e.g. shared by two "tabs", or wrapped to fail); default: a fresh IndexedDB. */
  store?: DatabaseStore;
  tabs?: TabCoordination;
  /** The snapshot store (e.g. shared across a "reload"); default: a fresh IndexedDB one. */
  snapshotStore?: SnapshotStore;
  /** Storage usage and quota as the browser would report them; default: unknown. */
  storage?: { usageBytes: number; quotaBytes: number } | null;
  /** Wraps the real in-process snapshot checker (e.g. to hold its background reads back). */
  wrapChecker?: (checker: SnapshotChecker) => SnapshotChecker;
}

/** A fresh IndexedDB-backed store (fake-indexeddb), isolated from other tests. */
export function createTestStore(): Promise<DatabaseStore> {
  storeCounter += 1;
  return openIdbDatabaseStore(`ff2api-web-test-${storeCounter}-${Math.random().toString(36).slice(2)}`);
}

/** A fresh snapshot store (fake-indexeddb), isolated from other tests. */
export function createTestSnapshotStore(): Promise<SnapshotStore> {
  storeCounter += 1;
  return openIdbSnapshotStore(`ff2api-web-snapshots-test-${storeCounter}-${Math.random().toString(36).slice(2)}`);
}

/** The real database service, in-process: real sql.js, real idb code over fake-indexeddb. */
export async function createTestApi(options: TestApiOptions = {}): Promise<DatabaseService> {
  const SQL = await loadSqlJs();
  return openDatabaseService({
    SQL,
    store: options.store ?? (await createTestStore()),
    clock: options.clock ?? fixedClock('2026-11-22T08:00:00.000Z'),
    tabs: options.tabs ?? singleTabCoordination(),
    appVersion: 'FF2API Web test',
    isStoragePersisted: async () => null,
    snapshots: {
      store: options.snapshotStore ?? (await createTestSnapshotStore()),
      checker: (options.wrapChecker ?? ((checker) => checker))(inProcessSnapshotChecker(SQL)),
      estimateStorage: async () => options.storage ?? null,
    },
  });
}
