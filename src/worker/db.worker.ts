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
import { createWebTabCoordination } from '../platform/web-tab-coordination';
import { openDatabaseService, type DatabaseService } from './database-service';
import { singleTabCoordination } from './tab-coordination';
import { APP_VERSION } from '../core/app-version';
import { ALIVE_METHOD, CLOCK_METHOD } from './api';

/** The page's clock, as last heard: the page sends its time before every call (DESIGN.md "One clock"). */
const clock = followingClock();

const ready: Promise<DatabaseService> = (async () => {
  const [SQL, store] = await Promise.all([loadBrowserSqlJs(), openIdbDatabaseStore()]);
  return openDatabaseService({
    SQL,
    store,
    clock,
    tabs: createWebTabCoordination() ?? singleTabCoordination(),
    appVersion: APP_VERSION,
    isStoragePersisted,
  });
})();

/**
 * The life lock (platform/worker-client.ts): held from the worker's start until it ends, so the
 * page learns of its death from the browser. Its name is the worker's name, chosen by the page.
 */
const holdingLifeLock: Promise<void> = new Promise((held) => {
  if (!self.name || !navigator.locks) return held();
  void navigator.locks.request(self.name, () => {
    held();
    return new Promise<void>(() => {});
  });
});

/**
 * Forwards every call to the service once it is open (calls made earlier simply wait). The clock
 * is set at once, before any call that follows it in the message order reads it.
 */
const forwarder = new Proxy({} as Record<string, unknown>, {
  get(_target, method: string) {
    if (method === CLOCK_METHOD) return (pageNowMs: number) => clock.follow(pageNowMs);
    if (method === ALIVE_METHOD) return () => holdingLifeLock;
    return async (...args: unknown[]) => {
      const service = (await ready) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const fn = service[method];
      if (typeof fn !== 'function') throw new Error(`Unknown database method ${method}`);
      return fn.apply(service, args);
    };
  },
});

Comlink.expose(forwarder);
