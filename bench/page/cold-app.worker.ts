/**
 * Cold start, the app's way: a new worker loads sql.js and the IndexedDB store in parallel (as
 * src/worker/db.worker.ts does), opens the database service over the stored database, then answers
 * the first screen's queries (status, brokerages, first history page). Times are ms since the
 * worker's time origin; the page adds its own wall time from `new Worker`.
 */
import { APP_VERSION } from '../../src/core/app-version';
import { systemClock } from '../../src/core/clock';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';
import { loadBrowserSqlJs } from '../../src/platform/sqljs-browser';
import { openWorkerApp } from '../../src/worker/app-calls';
import { openIdbSnapshotStorage } from '../../src/platform/snapshot-store';
import { inProcessSnapshotChecker } from '../../src/worker/snapshots/snapshot-check';
import { estimateStorage } from '../../src/platform/storage-estimate';
import { singleTabCoordination } from '../../src/worker/engine/tab-coordination';

const moduleStart = performance.now();

self.onmessage = async (event: MessageEvent<{ dbName: string }>) => {
  try {
    const received = performance.now();
    const [SQL, store, { snapshots: snapshotStore, facts }] = await Promise.all([
      loadBrowserSqlJs(),
      openIdbDatabaseStore(event.data.dbName),
      openIdbSnapshotStorage(`${event.data.dbName}-snapshots`),
    ]);
    const engines = performance.now();
    const service = await openWorkerApp({
      SQL,
      store,
      clock: systemClock,
      tabs: singleTabCoordination(),
      appVersion: APP_VERSION,
      facts,
      isStoragePersisted: async () => null,
      snapshots: { store: snapshotStore, checker: inProcessSnapshotChecker(SQL), estimateStorage },
    });
    const opened = performance.now();
    const status = await service.getStatus();
    await service.listBrokerages();
    const page = await service.listHistory({ limit: 50 });
    const ready = performance.now();
    self.postMessage({
      ok: true,
      uploads: status.counts.upload_history,
      rows: page.rows.length,
      marks: { moduleStart, received, sqlAndStore: engines, opened, ready },
    });
  } catch (error) {
    self.postMessage({
      ok: false,
      error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
    });
  }
};
