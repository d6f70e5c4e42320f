/**
 * Snapshots, measured in the bench worker (which plays the database worker): the app's real
 * SnapshotService — its helper workers included — against the floor of docs/performance.md (export + gzip +
 * IndexedDB put + inflate + open + integrity_check), in the same rounds; a user's write made
 * while a snapshot runs; the list with 60 snapshots; restoring a snapshot.
 */
import checkerUrl from './snapshot-checker.worker.ts?worker&url';
import { APP_VERSION } from '../../src/core/app-version';
import { systemClock } from '../../src/core/clock';
import { createBrokerage } from '../../src/core/db/brokerages';
import type { Database, SqlJsStatic } from '../../src/core/db/sql-types';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';
import { createWorkerSnapshotChecker } from '../../src/platform/snapshot-checker-worker';
import { openIdbSnapshotStorage } from '../../src/platform/snapshot-store';
import { openWorkerApp, type WorkerApp } from '../../src/worker/app-calls';
import type { SnapshotChecker } from '../../src/worker/snapshots/snapshot-check';
import type { SnapshotStore } from '../../src/worker/snapshots/snapshot-store';
import type { RestoreOperations } from '../../src/worker/restore/restore-operations';
import { singleTabCoordination } from '../../src/worker/engine/tab-coordination';
import { deleteIdb } from './floor';
import { collectGarbage, Collector, stopwatch, type Timings } from './timing';

interface Source {
  n: number;
  source: Database;
  sourceBytes: Uint8Array;
}

const SNAP_FLOOR_IDB = 'bench-floor-snapshot';

/** export → gzip → IndexedDB put (a Blob, until committed) → get → inflate → open → integrity_check. */
async function floorSnapshot(SQL: SqlJsStatic, p: Source): Promise<Timings> {
  await deleteIdb(SNAP_FLOOR_IDB);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(SNAP_FLOOR_IDB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  collectGarbage();
  const sw = stopwatch();
  const bytes = p.source.export();
  sw.lap('export');
  const compressed = await new Response(
    new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip')),
  ).blob();
  sw.lap('gzip');
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('s', 'readwrite');
    tx.objectStore('s').put(compressed, 'snapshot');
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  sw.lap('idbPut');
  const back = await new Promise<Blob>((resolve) => {
    const req = idb.transaction('s').objectStore('s').get('snapshot');
    req.onsuccess = () => resolve(req.result as Blob);
  });
  sw.lap('idbGet');
  const inflated = new Uint8Array(
    await new Response(back.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
  );
  sw.lap('inflate');
  const db = new SQL.Database(inflated);
  sw.lap('open');
  const integrity = db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0];
  sw.lap('integrityCheck');
  db.close();
  idb.close();
  if (integrity !== 'ok') throw new Error('floor snapshot failed its integrity check');
  const timings = sw.done();
  timings.storedBytes = compressed.size;
  delete timings.total;
  return timings;
}

/** Times every call the service makes to its checker and its store (the real ones, unchanged). */
function timedChecker(inner: SnapshotChecker, into: Timings): SnapshotChecker {
  const time = <T>(name: string, work: Promise<T>) => {
    const t = performance.now();
    return work.finally(() => (into[name] = (into[name] ?? 0) + performance.now() - t));
  };
  return {
    prepare: (bytes) => time('checker:prepare(gzip+sha256)', inner.prepare(bytes)),
    describe: (bytes) => time('checker:describe(content checksum)', inner.describe(bytes)),
    check: (blob, options) => time('checker:check(inflate+open+integrity)', inner.check(blob, options)),
    dispose: () => inner.dispose(),
  };
}

/** A service over the team's database, with a fresh snapshot store and the app's helper-worker checker. */
async function openService(
  SQL: SqlJsStatic,
  p: Source,
  parts: Timings,
): Promise<{ service: WorkerApp; snapshotStore: SnapshotStore; checker: SnapshotChecker }> {
  for (const name of [`bench-snap-${p.n}`, `bench-snap-${p.n}-snapshots`]) await deleteIdb(name);
  const store = await openIdbDatabaseStore(`bench-snap-${p.n}`);
  const seeded = await store.save({ bytes: p.sourceBytes, expectedGeneration: 0, savedAt: new Date().toISOString() });
  if (!seeded.ok) throw new Error('could not seed the snapshot bench store');
  const { snapshots: snapshotStore, facts } = await openIdbSnapshotStorage(`bench-snap-${p.n}-snapshots`);
  const checker = createWorkerSnapshotChecker(new URL(checkerUrl, self.location.href));
  const service = await openWorkerApp({
    SQL,
    store,
    clock: systemClock,
    tabs: singleTabCoordination(),
    appVersion: APP_VERSION,
    facts,
    isStoragePersisted: async () => null,
    snapshots: { store: snapshotStore, checker: timedChecker(checker, parts), estimateStorage: async () => null },
  });
  return { service, snapshotStore, checker };
}

/** One `Take snapshot now` through the service, until verified; its background checksum is awaited apart. */
async function appSnapshot(service: WorkerApp, parts: Timings, round: number): Promise<Timings> {
  for (const key of Object.keys(parts)) delete parts[key];
  collectGarbage();
  const sw = stopwatch();
  const taken = await service.takeSnapshot(`bench ${round}`);
  if (!taken.ok) throw new Error(`takeSnapshot: ${taken.error.message} ${taken.error.detail ?? ''}`);
  const timings = sw.done();
  Object.assign(timings, parts, { storedBytes: taken.value.storedBytes, databaseBytes: taken.value.databaseBytes });
  const t = performance.now();
  await service.whenChecksumsDone();
  timings.backgroundChecksum = performance.now() - t;
  return timings;
}

/** A snapshot with a user's write every 100 ms meanwhile: each write timed (not the snapshot). */
async function writesDuringSnapshot(service: WorkerApp, round: number, writes: number[]): Promise<void> {
  collectGarbage();
  let done = false;
  const taking = service.takeSnapshot(`bench writes ${round}`).finally(() => (done = true));
  let i = 0;
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (done) break;
    const t = performance.now();
    const written = await service.internals.live.write((db, now) =>
      createBrokerage(db, `During snapshot ${round}.${i++}`, now),
    );
    if (!written.ok) throw new Error(written.error.message);
    writes.push(performance.now() - t);
  }
  const taken = await taking;
  if (!taken.ok) throw new Error(`takeSnapshot: ${taken.error.message}`);
  await service.whenChecksumsDone();
}

/** Sixty manifests (a year of retention's worth), for the list: only manifests are read to list. */
async function fillSixty(store: SnapshotStore): Promise<void> {
  const [model] = await store.list();
  if (!model) throw new Error('no snapshot to copy');
  const now = Date.now();
  for (let i = 0; i < 60; i++) {
    const takenAt = new Date(now - (i + 1) * 6 * 86_400_000).toISOString();
    const added = await store.add(
      { ...model, id: `${takenAt}-bench${i}`, takenAt, verification: { state: 'verified', at: takenAt } },
      new Blob([new Uint8Array(16)]),
    );
    if (!added.ok) throw new Error('could not add a manifest');
  }
}

/** Measures every snapshot figure at this size. */
export async function measureSnapshots(SQL: SqlJsStatic, p: Source, options: { warmup: number; runs: number }) {
  const collector = new Collector();
  const parts: Timings = {};
  const { service, snapshotStore, checker } = await openService(SQL, p, parts);
  const writesDuring: number[] = [];
  const writesAlone: number[] = [];
  try {
    for (let round = 0; round < options.warmup + options.runs; round++) {
      const keep = round >= options.warmup;
      const floor = await floorSnapshot(SQL, p);
      const app = await appSnapshot(service, parts, round);
      const during: number[] = [];
      await writesDuringSnapshot(service, round, during);
      // The same write with no snapshot running, for comparison.
      collectGarbage();
      const t = performance.now();
      await service.internals.live.write((db, now) => createBrokerage(db, `Alone ${round}`, now));
      const alone = performance.now() - t;
      if (!keep) continue;
      collector.add('floor.snapshot', floor);
      collector.add('app.snapshot', app);
      writesDuring.push(...during);
      writesAlone.push(alone);
    }
    // Restoring a snapshot: the restore pipeline alone (inspect + apply), and as the UI runs it
    // (applyRestore first takes its Before restore snapshot).
    // The restore operations are built on first use (src/worker/lazy): load them before timing.
    const loadedRestores = await service.internals.restore.restores.get();
    if (!loadedRestores.ok) throw new Error(loadedRestores.error.message);
    const restores: RestoreOperations = loadedRestores.value;
    for (let round = 0; round < 2 * (options.warmup + options.runs); round++) {
      const asUi = round % 2 === 1;
      // The newest snapshot is often the Before restore copy of the round before, whose content
      // checksum is still being read in the background: restoring it then waits for that read
      // (seconds at 100k). Timed here is the usual case, a snapshot whose checks are done.
      await service.whenChecksumsDone();
      const [newest] = (await service.listSnapshots()).snapshots;
      if (!newest) throw new Error('no snapshot to restore');
      collectGarbage();
      const sw = stopwatch();
      const preview = await service.inspectSnapshot(newest.id);
      sw.lap('inspectSnapshot');
      if (!preview.ok) throw new Error(preview.error.message);
      const applied = asUi
        ? await service.applyRestore(preview.value.previewId, 'replace')
        : await restores.applyRestore(preview.value.previewId, 'replace');
      sw.lap('applyRestore');
      if (!applied.ok) throw new Error(applied.error.message);
      if (Math.floor(round / 2) >= options.warmup)
        collector.add(asUi ? 'app.snapshotRestoreWithSafetyCopy' : 'app.snapshotRestore', sw.done());
    }
    await fillSixty(snapshotStore);
    for (let round = 0; round < 5 + 20; round++) {
      const t = performance.now();
      const list = await service.listSnapshots();
      const listMs = performance.now() - t;
      if (list.snapshots.length < 60) throw new Error(`the list has ${list.snapshots.length} snapshots`);
      if (round >= 5) collector.add('app.listSixty', { total: listMs, count: list.snapshots.length });
    }
  } finally {
    checker.dispose();
    service.internals.live.read((db) => db.close());
    for (const name of [`bench-snap-${p.n}`, `bench-snap-${p.n}-snapshots`]) await deleteIdb(name);
  }
  collector.add('app.writeDuringSnapshot', { total: Math.max(...writesDuring, 0), count: writesDuring.length });
  for (const ms of writesDuring) collector.add('app.writeDuringSnapshotEach', { total: ms });
  for (const ms of writesAlone) collector.add('app.writeAlone', { total: ms });
  return collector.result();
}
