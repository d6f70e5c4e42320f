/// <reference lib="webworker" />
/**
 * The Web Worker that owns the database: it opens sql.js, loads the stored database from
 * IndexedDB (through the app lock's gate), joins the tab coordination and exposes the DatabaseApi
 * through comlink. The same script also runs as the snapshot checker, a second worker that
 * verifies snapshots off the database worker's thread.
 */
import * as Comlink from 'comlink';
import { followingClock } from '../core/clock';
import { openIdbDatabaseStore } from '../platform/idb-database-store';
import { loadBrowserSqlJs } from '../platform/sqljs-browser';
import { isStoragePersisted } from '../platform/storage-persistence';
import { estimateStorage } from '../platform/storage-estimate';
import { createWorkerSnapshotChecker } from '../platform/snapshot-checker-worker';
import { createDigestWorker } from '../platform/digest-worker';
import { openSnapshotStoreOrUnavailable } from '../platform/snapshot-store';
import { createWebTabCoordination } from '../platform/web-tab-coordination';
import { openDatabaseService } from './database-service';
import { singleTabCoordination } from './tab-coordination';
import { APP_VERSION } from '../core/app-version';
import { ALIVE_METHOD, CLOCK_METHOD } from './api';
import { startLockGate, isLockMethod } from './lock/worker-lock'; // [lock]
import type { LockApi } from './lock/lock-api';
import { RecordCipher } from './lock/record-cipher';
import { sealingSnapshotStore } from './lock/sealing-snapshot-store';
import { isSnapshotCheckerWorker, serveSnapshotChecker } from './snapshots/checker-role';

/** The page's clock, as last heard: the page sends its time before every call (DESIGN.md "One clock"). */
const clock = followingClock();

/** The database role: the lock gate opens the service when the lock allows; every call waits for it. */
function serveDatabase(): void {
  const holdingLifeLock = holdLifeLock();
  // [lock] sql.js starts loading at once, in parallel with the lock check. Snapshots are sealed
  // through the same cipher as the live database, and re-sealed when the lock changes.
  const sqlJs = loadBrowserSqlJs();
  const cipher = new RecordCipher();
  const snapshots = openSnapshotStoreOrUnavailable().then((inner) => sealingSnapshotStore(inner, cipher));
  const resealSnapshots = { resealAll: async () => (await snapshots).resealAll() };
  const gate = startLockGate(clock, openIdbDatabaseStore(), async (store) => {
    const [SQL, snapshotStore] = await Promise.all([sqlJs, snapshots]);
    return openDatabaseService({
      SQL,
      store,
      clock,
      tabs: createWebTabCoordination() ?? singleTabCoordination(),
      appVersion: APP_VERSION,
      isStoragePersisted,
      snapshots: { store: snapshotStore, checker: createWorkerSnapshotChecker(self.location.href), estimateStorage },
      digestOffload: createDigestWorker(),
    });
  }, [resealSnapshots], cipher);

  /**
   * Forwards every call to the service once it is open (calls made earlier simply wait; so do
   * calls made after a lock). The clock is set at once, before any call that follows it in the
   * message order reads it.
   */
  const forwarder = new Proxy({} as Record<string, unknown>, {
    get(_target, method: string) {
      if (method === CLOCK_METHOD) return (pageNowMs: number) => clock.follow(pageNowMs);
      if (method === ALIVE_METHOD) return () => holdingLifeLock;
      if (isLockMethod(method)) return (...args: unknown[]) => serveLockMethod(gate, method, args); // [lock]
      return async (...args: unknown[]) => {
        const service = (await gate.whenOpen()) as unknown as Record<string, (...a: unknown[]) => unknown>; // [lock]
        const fn = service[method];
        if (typeof fn !== 'function') throw new Error(`Unknown database method ${method}`);
        return fn.apply(service, args);
      };
    },
  });
  Comlink.expose(forwarder);
}

/**
 * A lock method, served by the gate. Once `lock` succeeded this worker ends itself: the key is
 * forgotten, but its memory still holds the decrypted database (sql.js's heap, the service's
 * state, the helper workers it started), and only its end drops all of that. The reply goes out
 * first; the page's client starts a fresh worker, which opens locked from what is stored.
 */
async function serveLockMethod(gate: LockApi, method: keyof LockApi, args: unknown[]): Promise<unknown> {
  if (method !== 'lock') return (gate[method] as (...a: unknown[]) => Promise<unknown>).apply(gate, args);
  const locked = await gate.lock();
  if (locked.ok) setTimeout(() => self.close(), 0);
  return locked;
}

/**
 * The life lock (platform/worker-client.ts): held from the worker's start until it ends, so the
 * page learns of its death from the browser. Its name is the worker's name, chosen by the page.
 */
function holdLifeLock(): Promise<void> {
  return new Promise((held) => {
    if (!self.name || !navigator.locks) return held();
    void navigator.locks.request(self.name, () => {
      held();
      return new Promise<void>(() => {});
    });
  });
}

if (isSnapshotCheckerWorker()) serveSnapshotChecker();
else serveDatabase();
