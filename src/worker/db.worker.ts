/// <reference lib="webworker" />
/**
 * The Web Worker that owns the database: it opens sql.js, loads the stored database from
 * IndexedDB, joins the tab coordination and exposes the DatabaseApi through comlink.
 */
import * as Comlink from 'comlink';
import { followingClock } from '../core/clock';
import { openIdbDatabaseStore } from '../platform/idb-database-store';
import { loadBrowserSqlJs } from '../platform/sqljs-browser';
import { isStoragePersisted } from '../platform/storage-persistence';
import { estimateStorage } from '../platform/storage-estimate';
import { createWorkerSnapshotChecker } from '../platform/snapshot-checker-worker';
import { openSnapshotStoreOrUnavailable } from '../platform/snapshot-store';
import { createWebTabCoordination } from '../platform/web-tab-coordination';
import { openDatabaseService, type DatabaseService } from './database-service';
import { singleTabCoordination } from './tab-coordination';
import { APP_VERSION } from '../core/app-version';
import { CLOCK_METHOD } from './api';
import { isSnapshotCheckerWorker, serveSnapshotChecker } from './snapshots/checker-role';

/** The page's clock, as last heard: the page sends its time before every call (DESIGN.md "One clock"). */
const clock = followingClock();

let ready: Promise<DatabaseService> | null = null;

async function openService(): Promise<DatabaseService> {
  const [SQL, store, snapshotStore] = await Promise.all([loadBrowserSqlJs(), openIdbDatabaseStore(), openSnapshotStoreOrUnavailable()]);
  return openDatabaseService({
    SQL,
    store,
    clock,
    tabs: createWebTabCoordination() ?? singleTabCoordination(),
    appVersion: APP_VERSION,
    isStoragePersisted,
    snapshots: { store: snapshotStore, checker: createWorkerSnapshotChecker(self.location.href), estimateStorage },
  });
}

/**
 * Forwards every call to the service once it is open (calls made earlier simply wait). The clock
 * is set at once, before any call that follows it in the message order reads it.
 */
const forwarder = new Proxy({} as Record<string, unknown>, {
  get(_target, method: string) {
    if (method === CLOCK_METHOD) return (pageNowMs: number) => clock.follow(pageNowMs);
    return async (...args: unknown[]) => {
      const service = (await (ready ??= openService())) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const fn = service[method];
      if (typeof fn !== 'function') throw new Error(`Unknown database method ${method}`);
      return fn.apply(service, args);
    };
  },
});

// This script also runs as the snapshot checker (checker-role.ts); only the database role opens the database.
if (isSnapshotCheckerWorker()) serveSnapshotChecker();
else {
  ready = openService();
  Comlink.expose(forwarder);
}
