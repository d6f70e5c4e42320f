/**
 * The bench worker: runs, in a Web Worker as the app does, the app's real backup / restore /
 * persistence code and the floor steps of docs/performance.md on the same generated data, interleaved round
 * by round so that both see the same machine state. The page (main.ts) calls its methods.
 */
import { APP_VERSION } from '../../src/core/app-version';
import { certifyDatabase, finishReplace } from '../../src/core/backup/restore/build';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { writeBackupFile } from '../../src/core/backup/write/write';
import { databaseChecksum } from '../../src/core/backup/checksum/database-rows';
import { readAllActivity } from '../../src/core/db/activity';
import { createBrokerage } from '../../src/core/db/brokerages';
import { listHistoryPage } from '../../src/core/db/history';
import { ensureCreatedAt } from '../../src/core/db/meta';
import { exportDatabase, openDatabase } from '../../src/core/db/open';
import { SCHEMA_VERSION, DATA_TABLES } from '../../src/core/db/schema';
import type { Database, SqlJsStatic } from '../../src/core/db/sql-types';
import { countRows, insertRows, readAllTables } from '../../src/core/db/tables';
import { inTransaction } from '../../src/core/db/transaction';
import { systemClock } from '../../src/core/clock';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';
import { loadBrowserSqlJs } from '../../src/platform/sqljs-browser';
import { createDigestWorker } from '../../src/platform/digest-worker';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import { openWorkerApp } from '../../src/worker/app-calls';
import { openIdbSnapshotStorage } from '../../src/platform/snapshot-store';
import { inProcessSnapshotChecker } from '../../src/worker/snapshots/snapshot-check';
import { LiveDatabase } from '../../src/worker/engine/live-database';
import { singleTabCoordination } from '../../src/worker/engine/tab-coordination';
import type { DataTables } from '../../src/core/db/rows';
import { canonicalText, computeChecksum } from '../../src/core/backup/checksum/canonical';
import { encodeUtf8 } from '../../src/core/backup/format/encoding';
import {
  deleteIdb,
  encodeIntoBuffer,
  idbGet,
  idbPut,
  insertTables,
  newestUploads,
  openFloorIdb,
  selectTables,
  sha256,
  validateFile,
} from './floor';
import { generateTables } from './generate';
import { collectGarbage, Collector, stopwatch, type Timings } from './timing';
import { measureSnapshots } from './snapshot-bench';
import { measureStore } from './store-bench';
import type { S3Settings } from '../../src/platform/team-store/s3-request';

interface Prepared {
  n: number;
  /** The file's content checksum, as its header states it. */
  checksum: string;
  /** The generated database (what a team's browser would hold). */
  source: Database;
  sourceBytes: Uint8Array;
  /** The backup file the app writes of it (plain secrets). */
  file: Uint8Array;
  /** The file parsed once, for the stringify floor. */
  parsedFile: Record<string, unknown>;
  /** The rows as stored (input of the insert floor). */
  tables: DataTables;
  /** The database the last app restore built (history pages are read from it). */
  restored: Database | null;
}

const sqlReady: Promise<SqlJsStatic> = loadBrowserSqlJs();
let prepared: Prepared | null = null;
let floorIdb: IDBDatabase | null = null;

/**
 * The app's digest helper (platform/digest-worker.ts), as the database worker starts it: checksums worked out off this
 * thread.
 */
const digestOffload = createDigestWorker();

const appStoreName = (n: number) => `bench-app-${n}`;
const persistStoreName = (n: number) => `bench-persist-${n}`;
const serviceStoreName = (n: number, run: number) => `bench-service-${n}-${run}`;

// ---- set-up (not timed) -----------------------------------------------------------------

async function setup(n: number, seed: number) {
  await release();
  const SQL = await sqlReady;
  const t0 = performance.now();
  const generated = generateTables(n, seed);
  const source = openDatabase(SQL);
  inTransaction(source, () => {
    for (const table of DATA_TABLES) insertRows(source, table, generated.tables[table]);
    for (const row of generated.activity)
      source.run('INSERT INTO activity_log (id, at, kind, summary, details) VALUES (?, ?, ?, ?, ?)', [
        row.id,
        row.at,
        row.kind,
        row.summary,
        row.details,
      ]);
    ensureCreatedAt(source, generated.activity[0]?.at ?? new Date(0).toISOString());
  });
  const sourceBytes = exportDatabase(source);
  const tables = readAllTables(source);
  const written = await writeBackupFile(source, readAllActivity(source), {
    createdAt: '2026-01-05T09:00:00.000Z',
    trigger: 'manual',
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    secrets: 'plain',
  });
  const built = { bytes: new Uint8Array(await written.blob.arrayBuffer()), checksum: written.checksum };
  const parsedFile = JSON.parse(new TextDecoder().decode(built.bytes)) as Record<string, unknown>;
  prepared = {
    n,
    checksum: built.checksum,
    source,
    sourceBytes,
    file: built.bytes,
    parsedFile,
    tables,
    restored: null,
  };
  floorIdb ??= await openFloorIdb();
  return {
    n,
    counts: countRows(source),
    fileBytes: built.bytes.byteLength,
    dbBytes: sourceBytes.byteLength,
    checksum: built.checksum,
    setupMs: Math.round(performance.now() - t0),
  };
}

async function release() {
  if (!prepared) return;
  const { n } = prepared;
  prepared.source.close();
  prepared.restored?.close();
  prepared = null;
  for (const name of [appStoreName(n), persistStoreName(n)]) await deleteIdb(name);
  collectGarbage();
}

function current(): Prepared {
  if (!prepared) throw new Error('setup() first');
  return prepared;
}

// ---- floor steps --------------------------------------------------------------------------

/**
 * file → decode → parse → validate → insert (indexes after) → export → put → get, the put into
 * a fresh IndexedDB database as the app's restore gets (both stores are recreated every run).
 */
async function floorRestoreChain(): Promise<Timings> {
  const p = current();
  const SQL = await sqlReady;
  const db = openDatabase(SQL); // schema only; not part of any step
  floorIdb?.close();
  await deleteIdb('bench-floor');
  floorIdb = await openFloorIdb();
  collectGarbage();
  const sw = stopwatch();
  const text = new TextDecoder().decode(p.file);
  sw.lap('decode');
  const parsed = JSON.parse(text) as Record<string, unknown>;
  sw.lap('parse');
  if (validateFile(parsed) !== 0) throw new Error('floor validation found bad values in the generated file');
  sw.lap('validate');
  insertTables(db, p.tables, true);
  sw.lap('insertIndexesAfter');
  const bytes = db.export();
  sw.lap('export');
  await idbPut(floorIdb, 'restore', bytes);
  sw.lap('idbPut');
  const back = await idbGet(floorIdb, 'restore');
  sw.lap('idbGet');
  db.close();
  if (back?.byteLength !== bytes.byteLength) throw new Error('floor IndexedDB read back a different size');
  const timings = sw.done();
  delete timings.total; // a chain of separate floor steps, not one step
  return timings;
}

/** The other way from bytes to JSON: Response.json() parses the bytes itself. */
async function floorResponseJson(): Promise<Timings> {
  const p = current();
  const t0 = performance.now();
  const parsed = (await new Response(p.file as Uint8Array<ArrayBuffer>).json()) as Record<string, unknown>;
  const ms = performance.now() - t0;
  if (!Array.isArray(parsed.upload_history)) throw new Error('Response.json() read something else');
  return { responseJson: ms };
}

/** Insert with the indexes kept (updated row by row): the other variant. */
async function floorInsertWithIndexes(): Promise<Timings> {
  const p = current();
  const db = openDatabase(await sqlReady);
  const sw = stopwatch();
  insertTables(db, p.tables, false);
  sw.lap('insertWithIndexes');
  db.close();
  const timings = sw.done();
  delete timings.total;
  return timings;
}

/** select → stringify → encode → SHA-256. */
async function floorBackupChain(): Promise<Timings> {
  const p = current();
  const sw = stopwatch();
  const rows = selectTables(p.source);
  sw.lap('select');
  if (rows.upload_history.length !== p.n) throw new Error('floor select read a different row count');
  const json = JSON.stringify(p.parsedFile);
  sw.lap('stringify');
  const bytes = new TextEncoder().encode(json);
  sw.lap('encode');
  const into = encodeIntoBuffer(json);
  sw.lap('encodeInto');
  if (into.byteLength !== bytes.byteLength) throw new Error('encodeInto wrote a different length');
  await sha256(bytes);
  sw.lap('sha256');
  const timings = sw.done();
  delete timings.total;
  return timings;
}

/** One insert + export + put, on a copy of the team's database. */
async function floorPersist(copy: Database, run: number): Promise<Timings> {
  const sw = stopwatch();
  const at = new Date().toISOString();
  copy.run('INSERT INTO brokerages (name, created_at, updated_at, is_active) VALUES (?, ?, ?, 1)', [
    `Floor brokerage ${run}`,
    at,
    at,
  ]);
  sw.lap('insertOne');
  const bytes = copy.export();
  sw.lap('export');
  await idbPut(floorIdb as IDBDatabase, 'persist', bytes);
  sw.lap('idbPut');
  return sw.done();
}

// ---- app steps ----------------------------------------------------------------------------

/** What `Download backup` runs in the worker: the rows stream from the database into the file (plain). */
async function appBackup(): Promise<Timings> {
  const p = current();
  const sw = stopwatch();
  const activity = readAllActivity(p.source);
  const built = await writeBackupFile(p.source, activity, {
    createdAt: new Date().toISOString(),
    trigger: 'manual',
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    secrets: 'plain',
    digestOffload,
  });
  sw.lap('writeBackupFile');
  if (built.counts.upload_history !== p.n) throw new Error('app backup has a different row count');
  return sw.done();
}

/** A fresh browser's live database: empty, as the app creates it. */
function emptyLiveDatabase(SQL: SqlJsStatic): Database {
  const db = openDatabase(SQL);
  inTransaction(db, () => ensureCreatedAt(db, new Date().toISOString()));
  return db;
}

/**
 * Restore until durable, the app's own steps: loadBackup (stream the file into its own database,
 * check, certify by the read-back checksum) → finishReplace (this browser's bookkeeping) →
 * export → openIdbDatabaseStore().save (with the undo snapshot, as applyRestore saves it). Into a
 * fresh browser: the store holds only the empty database.
 */
async function appRestore(file?: Uint8Array): Promise<Timings> {
  const p = current();
  const SQL = await sqlReady;
  // Untimed: a fresh store holding the empty database the app stores at first start.
  await deleteIdb(appStoreName(p.n));
  const store = await openIdbDatabaseStore(appStoreName(p.n));
  const live = emptyLiveDatabase(SQL);
  const first = await store.save({
    bytes: exportDatabase(live),
    expectedGeneration: 0,
    savedAt: new Date().toISOString(),
  });
  if (!first.ok) throw new Error('could not store the empty database');
  collectGarbage();

  const now = new Date().toISOString();
  const sw = stopwatch();
  let certifyStart = 0;
  const read = await loadBackup(SQL, new Blob([(file ?? p.file) as Uint8Array<ArrayBuffer>]), {
    now,
    digestOffload,
    onProgress: (f) => {
      if (f >= 0.85 && certifyStart === 0) certifyStart = performance.now();
    },
  });
  if (!read.ok || !('candidate' in read))
    throw new Error(`loadBackup refused the generated file: ${JSON.stringify(read).slice(0, 300)}`);
  const loadEnd = performance.now();
  sw.lap('loadBackup');
  const built = await finishReplace(read.candidate.db, live, {
    now,
    origin: { fileName: 'bench.json', fileCreatedAt: read.candidate.createdAt },
    activity: {
      kind: 'restore',
      summary: 'Replaced the database with bench.json',
      details: { fileName: 'bench.json' },
    },
  });
  if (!built.ok) throw new Error(`finishReplace failed: ${built.error.message} ${built.error.detail ?? ''}`);
  sw.lap('finish');
  const bytes = exportDatabase(built.value);
  sw.lap('export');
  const saved = await store.save({ bytes, expectedGeneration: first.generation, savedAt: now });
  sw.lap('idbSave');
  if (!saved.ok) throw new Error('the restored database could not be stored');
  const timings = sw.done();
  // From 85 % of the file read to the end of loadBackup: the last rows, the indexes built, the counts and the
  // checksum's digest.
  if (certifyStart > 0) timings['load:lastRowsIndexesDigest'] = loadEnd - certifyStart;
  live.close();
  p.restored?.close();
  p.restored = built.value;
  return timings;
}

/**
 * Parts of the app's steps that their progress calls do not separate, timed on their own (not
 * part of any total): the restore's read-back checksum and SQLite checks, the canonical text.
 */
async function partsApart(): Promise<Timings> {
  const p = current();
  const timings: Timings = {};
  if (p.restored) {
    let t = performance.now();
    await databaseChecksum(p.restored);
    timings.readBackChecksum = performance.now() - t;
    t = performance.now();
    const problem = await certifyDatabase(p.restored, null);
    timings.quickAndForeignKeyCheck = performance.now() - t;
    if (problem !== null) throw new Error(`certify: ${problem}`);
    t = performance.now();
    p.restored.exec('PRAGMA integrity_check');
    timings.integrityCheck = performance.now() - t;
  }
  let t = performance.now();
  const text = canonicalText(p.tables);
  timings.canonicalText = performance.now() - t;
  t = performance.now();
  encodeUtf8(text);
  timings.encodeUtf8 = performance.now() - t;
  t = performance.now();
  await computeChecksum(p.tables);
  timings.computeChecksum = performance.now() - t;
  return timings;
}

/** The restore as the UI calls it: WorkerApp.inspectBackup (both plans) + applyRestore. */
async function serviceRestore(run: number): Promise<Timings> {
  const p = current();
  const SQL = await sqlReady;
  const name = serviceStoreName(p.n, run);
  await deleteIdb(name);
  const store = await openIdbDatabaseStore(name);
  await deleteIdb(`${name}-snapshots`);
  const { snapshots: snapshotStore, facts } = await openIdbSnapshotStorage(`${name}-snapshots`);
  const service = await openWorkerApp({
    SQL,
    store,
    clock: systemClock,
    tabs: singleTabCoordination(),
    appVersion: APP_VERSION,
    facts,
    isStoragePersisted: async () => null,
    snapshots: { store: snapshotStore, checker: inProcessSnapshotChecker(SQL), estimateStorage: async () => null },
  });
  collectGarbage();
  const sw = stopwatch();
  const preview = await service.inspectBackup({ name: 'bench.json', contents: p.file });
  sw.lap('inspectBackup');
  if (!preview.ok) throw new Error(`inspectBackup: ${preview.error.message}`);
  const applied = await service.applyRestore(preview.value.previewId, 'replace');
  sw.lap('applyRestore');
  if (!applied.ok) throw new Error(`applyRestore: ${applied.error.message} ${applied.error.detail ?? ''}`);
  const timings = sw.done();
  // The service keeps its database open; close it so sql.js's memory is reused.
  service.internals.live.read((db) => db.close());
  await deleteIdb(name);
  await deleteIdb(`${name}-snapshots`);
  return timings;
}

/** Persist after one edit: LiveDatabase.write(createBrokerage) → export → store.save. */
async function appPersist(live: LiveDatabase, run: number): Promise<Timings> {
  const sw = stopwatch();
  const result = await live.write((db, now) => createBrokerage(db, `Bench brokerage ${run}`, now));
  sw.lap('writeAndSave');
  if (!result.ok) throw new Error(`createBrokerage: ${result.error.message}`);
  return sw.done();
}

async function openPersistTarget(): Promise<{ live: LiveDatabase; store: DatabaseStore; copy: Database }> {
  const p = current();
  const SQL = await sqlReady;
  await deleteIdb(persistStoreName(p.n));
  const store = await openIdbDatabaseStore(persistStoreName(p.n));
  const seeded = await store.save({ bytes: p.sourceBytes, expectedGeneration: 0, savedAt: new Date().toISOString() });
  if (!seeded.ok) throw new Error('could not seed the persist store');
  const live = await LiveDatabase.open({ SQL, store, clock: systemClock, tabs: singleTabCoordination() });
  return { live, store, copy: new SQL.Database(p.sourceBytes) };
}

// ---- the rounds ---------------------------------------------------------------------------

interface MeasureOptions {
  warmup: number;
  runs: number;
  /** The UI's own restore path too (slower; informational). */
  service: boolean;
}

async function measure(options: MeasureOptions) {
  const p = current();
  const collector = new Collector();
  const persist = await openPersistTarget();
  const rounds = options.warmup + options.runs;
  const step = async (name: string, run: () => Promise<Timings> | Timings, round: number) => {
    collectGarbage();
    const timings = await run();
    if (round >= options.warmup) collector.add(name, timings);
  };
  for (let round = 0; round < rounds; round++) {
    // Floor and app steps alternate inside every round.
    await step('floor.restore', floorRestoreChain, round);
    await step('app.restore', () => appRestore(), round);
    await step('floor.insertWithIndexes', floorInsertWithIndexes, round);
    await step('floor.responseJson', floorResponseJson, round);
    await step('floor.backup', floorBackupChain, round);
    await step('app.backup', appBackup, round);
    await step('floor.persist', () => floorPersist(persist.copy, round), round);
    await step('app.persist', () => appPersist(persist.live, round), round);
    if (options.service) await step('app.serviceRestore', () => serviceRestore(round), round);
    await step('app.apart', partsApart, round);
  }
  persist.copy.close();
  persist.live.read((db) => db.close());
  return { n: p.n, steps: collector.result(), coldStartStore: appStoreName(p.n) };
}

/** First history pages of the restored database: the app's listHistoryPage and the bare query. */
async function history(options: { warmup: number; runs: number }) {
  const p = current();
  const db = p.restored ?? p.source;
  const collector = new Collector();
  const rarest = db.exec(
    'SELECT brokerage_name FROM upload_history GROUP BY brokerage_name ORDER BY COUNT(*) LIMIT 1',
  )[0]?.values[0]?.[0];
  const busiest = db.exec(
    'SELECT brokerage_name FROM upload_history GROUP BY brokerage_name ORDER BY COUNT(*) DESC LIMIT 1',
  )[0]?.values[0]?.[0];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const keep = i >= options.warmup;
    let t = performance.now();
    const first = listHistoryPage(db, { limit: 50 });
    const firstMs = performance.now() - t;
    t = performance.now();
    if (first.next) listHistoryPage(db, { limit: 50, after: first.next });
    const secondMs = performance.now() - t;
    t = performance.now();
    listHistoryPage(db, { limit: 50, brokerageName: String(busiest) });
    const busiestMs = performance.now() - t;
    t = performance.now();
    listHistoryPage(db, { limit: 50, brokerageName: String(rarest) });
    const rarestMs = performance.now() - t;
    t = performance.now();
    const bare = newestUploads(db);
    const bareMs = performance.now() - t;
    if (first.rows.length !== Math.min(50, p.n) || bare.length !== first.rows.length)
      throw new Error('history page has the wrong length');
    if (keep) {
      collector.add('app.historyFirstPage', { total: firstMs });
      collector.add('app.historySecondPage', { total: secondMs });
      collector.add('app.historyBusiestBrokerage', { total: busiestMs });
      collector.add('app.historyRarestBrokerage', { total: rarestMs });
      collector.add('floor.newest50', { total: bareMs });
    }
  }
  return { n: p.n, steps: collector.result() };
}

// ---- messages -----------------------------------------------------------------------------

const methods: Record<string, (...args: never[]) => unknown> = {
  info: async () => {
    await sqlReady;
    return {
      gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
    };
  },
  setup,
  measure,
  history,
  /** Snapshot figures at the current size (snapshot-bench.ts). */
  snapshots: async (options: { warmup: number; runs: number }) => measureSnapshots(await sqlReady, current(), options),
  release,
  /** The team store's figures against the local S3 server (store-bench.ts). */
  store: async (s3: S3Settings, options: { warmup: number; runs: number }) => {
    const p = current();
    return measureStore(
      { SQL: await sqlReady, file: p.file, checksum: p.checksum, floorRestore: floorRestoreChain, appRestore },
      s3,
      options,
    );
  },
  /** A copy of the backup file, for the page to hand to the browser's downloads. */
  fileBytes: () => current().file.slice(),
};

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

self.onmessage = async (event: MessageEvent<Call>) => {
  const { id, method, args } = event.data;
  try {
    const fn = methods[method];
    if (!fn) throw new Error(`unknown bench method ${method}`);
    const value = await (fn as (...a: unknown[]) => unknown)(...args);
    const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
    self.postMessage({ id, ok: true, value }, { transfer });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
    });
  }
};
