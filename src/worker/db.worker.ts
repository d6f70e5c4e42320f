/// <reference lib="webworker" />
/**
 * The Web Worker that owns the database: it opens sql.js, loads the stored database from
 * IndexedDB (through the app lock's gate), joins the tab coordination and exposes the features'
 * calls (worker/app-calls.ts) through comlink. The same script also runs as the snapshot checker, a second worker that
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
import { openSnapshotStorageOrUnavailable } from '../platform/snapshot-store';
import { lazyModule } from '../platform/lazy-import';
import { createWebTabCoordination } from '../platform/web-tab-coordination';
import { CALL_NAMES, openWorkerApp, READ_CALLS } from './app-calls';
import { singleTabCoordination } from './engine/tab-coordination';
import { APP_VERSION } from '../core/app-version';
import { ALIVE_METHOD, CLOCK_METHOD } from './api';
import { bindFeature } from './feature-calls';
import { lockCalls } from './lock/lock-calls';
import { startLockGate } from './lock/worker-lock';
import type { LockApi } from './lock/lock-api';
import { RecordCipher } from './lock/record-cipher';
import { sealingSnapshotStore } from './lock/sealing-snapshot-store';
import { isSnapshotCheckerWorker, serveSnapshotChecker } from './snapshots/checker-role';

/** The page's clock, as last heard: the page sends its time before every call (docs/design.md "One clock"). */
const clock = followingClock();

/** The database role: the lock gate opens the service when the lock allows; every call waits for it. */
function serveDatabase(): void {
  const holdingLifeLock = holdLifeLock();
  // sql.js starts loading at once, in parallel with the lock check. Snapshots are sealed through
  // the same cipher as the live database, and re-sealed when the lock changes.
  const sqlJs = loadBrowserSqlJs();
  const cipher = new RecordCipher();
  const storage = openSnapshotStorageOrUnavailable();
  const snapshots = storage.then(({ snapshots: inner }) => sealingSnapshotStore(inner, cipher));
  const resealSnapshots = { resealAll: async () => (await snapshots).resealAll() };
  // The team store's waiting copies: opened on first use (only a connected store needs them), sealed
  // like snapshots and re-sealed with them.
  const openUploads = lazyModule(() =>
    import('./lock/upload-queue-at-rest').then((queue) => queue.openUploadQueueAtRest(cipher)),
  );
  const resealUploads = {
    resealAll: async () => {
      const uploads = await openUploads();
      return uploads.ok ? uploads.value.resealAll() : uploads;
    },
  };
  const gate = startLockGate(
    clock,
    openIdbDatabaseStore(),
    async (store) => {
      const [SQL, snapshotStore, { facts }] = await Promise.all([sqlJs, snapshots, storage]);
      return openWorkerApp({
        SQL,
        store,
        clock,
        tabs: createWebTabCoordination() ?? singleTabCoordination(),
        appVersion: APP_VERSION,
        facts,
        isStoragePersisted,
        snapshots: { store: snapshotStore, checker: createWorkerSnapshotChecker(self.location.href), estimateStorage },
        digestOffload: createDigestWorker(),
        teamStore: { openUploads },
      });
    },
    [resealSnapshots, resealUploads],
    cipher,
  );
  // The lock's calls never wait for the database; `lock` also ends this worker (endAfterLock).
  const lock: Record<string, (...args: never[]) => unknown> = {
    ...bindFeature(lockCalls, gate),
    lock: () => endAfterLock(gate),
  };
  const reads = [...READ_CALLS, ...Object.keys(lockCalls.reads)];

  /**
   * Forwards every call: the lock's to the gate at once, the database's once it is open (calls made
   * earlier simply wait; so do calls made after a lock). The clock is set at once, before any call
   * that follows it in the message order reads it.
   */
  const forwarder = new Proxy(
    {},
    {
      get(_target, method: string) {
        if (method === CLOCK_METHOD) return (pageNowMs: number) => clock.follow(pageNowMs);
        if (method === ALIVE_METHOD) return () => holdingLifeLock.then(() => reads);
        if (Object.hasOwn(lock, method)) return lock[method];
        if (!CALL_NAMES.has(method)) return undefined;
        return async (...args: never[]) => {
          const app = (await gate.whenOpen()) as unknown as Record<string, (...a: never[]) => unknown>;
          return app[method]?.(...args);
        };
      },
    },
  );
  Comlink.expose(forwarder);
}

/**
 * `lock`, served by the gate; once it succeeded this worker ends itself: the key is forgotten, but
 * its memory still holds the decrypted database (sql.js's heap, the features' state, the helper
 * workers it started), and only its end drops all of that. The reply goes out first; the page's
 * client starts a fresh worker, which opens locked from what is stored.
 */
async function endAfterLock(gate: LockApi): Promise<unknown> {
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
