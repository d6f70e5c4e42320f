import 'fake-indexeddb/auto';
import { fixedClock, type Clock } from '../../src/core/clock';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';
import { openIdbSnapshotStorage } from '../../src/platform/snapshot-store';
import { memoryFactStore, type FactStore } from '../../src/worker/engine/fact-store';
import { inProcessSnapshotChecker, type SnapshotChecker } from '../../src/worker/snapshots/snapshot-check';
import type { SnapshotStore } from '../../src/worker/snapshots/snapshot-store';
import { openWorkerApp, type WorkerApp, type WorkerAppDeps } from '../../src/worker/app-calls';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import { singleTabCoordination, type TabCoordination } from '../../src/worker/engine/tab-coordination';
import { loadSqlJs } from './sqljs';

let storeCounter = 0;

export interface TestApiOptions {
  clock?: Clock;
  /** A store to use (e.g. shared by two "tabs", or wrapped to fail); default: a fresh IndexedDB. */
  store?: DatabaseStore;
  tabs?: TabCoordination;
  /** The snapshot store (e.g. shared across a "reload"); default: a fresh IndexedDB one. */
  snapshotStore?: SnapshotStore;
  /** The features' small records (shared across a "reload" with the snapshot store); default: the fresh store's. */
  facts?: FactStore;
  /** Storage usage and quota as the browser would report them; default: unknown. */
  storage?: { usageBytes: number; quotaBytes: number } | null;
  /** Wraps the real in-process snapshot checker (e.g. to hold its background reads back). */
  wrapChecker?: (checker: SnapshotChecker) => SnapshotChecker;
  /** The team store's parts: its waiting copies' storage, and a transport (tests: an in-memory store). */
  teamStore?: WorkerAppDeps['teamStore'];
}

/** A fresh IndexedDB-backed store (fake-indexeddb), isolated from other tests. */
export function createTestStore(): Promise<DatabaseStore> {
  storeCounter += 1;
  return openIdbDatabaseStore(`ff2api-web-test-${storeCounter}-${Math.random().toString(36).slice(2)}`);
}

/** A fresh snapshot store (fake-indexeddb), isolated from other tests. */
export async function createTestSnapshotStore(): Promise<SnapshotStore> {
  return (await createTestSnapshotStorage()).snapshots;
}

/** A fresh snapshot storage (snapshots and the features' small records), isolated from other tests. */
export function createTestSnapshotStorage(): Promise<{ snapshots: SnapshotStore; facts: FactStore }> {
  storeCounter += 1;
  return openIdbSnapshotStorage(`ff2api-web-snapshots-test-${storeCounter}-${Math.random().toString(36).slice(2)}`);
}

/** The worker's calls as a test drives them, in-process (with the hooks tests use). */
export type TestApi = WorkerApp;

/** The real worker, in-process: real sql.js, real idb code over fake-indexeddb. */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const SQL = await loadSqlJs();
  const storage = options.snapshotStore ? null : await createTestSnapshotStorage();
  return openWorkerApp({
    SQL,
    store: options.store ?? (await createTestStore()),
    clock: options.clock ?? fixedClock('2026-11-22T08:00:00.000Z'),
    tabs: options.tabs ?? singleTabCoordination(),
    appVersion: 'FF2API Web test',
    isStoragePersisted: async () => null,
    facts: options.facts ?? storage?.facts ?? memoryFactStore(),
    snapshots: {
      store: options.snapshotStore ?? storage?.snapshots ?? (await createTestSnapshotStore()),
      checker: (options.wrapChecker ?? ((checker) => checker))(inProcessSnapshotChecker(SQL)),
      estimateStorage: async () => options.storage ?? null,
    },
    ...(options.teamStore ? { teamStore: options.teamStore } : {}),
  });
}
