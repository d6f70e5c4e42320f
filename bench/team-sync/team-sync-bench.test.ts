import { existsSync, openAsBlob, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { finishReplace } from '../../src/core/backup/restore/build';
import { createBrokerage } from '../../src/core/db/brokerages';
import { saveConfiguration } from '../../src/core/db/configuration-save';
import { insertedRowId } from '../../src/core/db/inserted-id';
import { exportDatabase, openDatabase } from '../../src/core/db/open';
import type { ObjectStore } from '../../src/core/team-store/object-store';
import { MemoryObjectStore } from '../../tests/support/memory-object-store';
import { loadSqlJs } from '../../tests/support/sqljs';
import { testTeamKey } from '../../tests/support/team-keys';
import { configurationInput } from '../../tests/unit/team-sync/peers';
import { SimBrowser, syncOk } from '../../tests/unit/team-sync/sync-support';
import { SYNC_EVERY_MS } from '../../src/core/team-sync/sync-timing';
import { writeMillionFile } from '../node/million-file.mjs';

/**
 * The team database's costs, in Node with real sql.js and real sealing over the in-memory store
 * (the store's network time is not in these figures; the store bench has the S3 side):
 * - joining a team whose database holds TEAM_UPLOADS uploads (default 100,000, half as many
 *   errors) against a restore of the same data from its backup file (load + certify + finish);
 * - starting the team from that database (adoption + snapshot written and read back);
 * - applying a batch of changes; the size of log objects per change;
 * - the store requests of an idle hour (a browser visible, polling at the app's interval, two teammates).
 * Medians of TEAM_RUNS (default 5), interleaved. Writes bench/results/team-sync.json.
 */
const UPLOADS = Number(process.env.TEAM_UPLOADS ?? 100_000);
const RUNS = Number(process.env.TEAM_RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The shared store as one browser sees it, noting the operations it makes. */
function counted(store: ObjectStore, calls: string[]): ObjectStore {
  return {
    put: (...args) => (calls.push('put'), store.put(...args)),
    get: (...args) => (calls.push('get'), store.get(...args)),
    head: (...args) => (calls.push('head'), store.head(...args)),
    list: (...args) => (calls.push('list'), store.list(...args)),
    delete: (...args) => (calls.push('delete'), store.delete(...args)),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

it(`team sync at ${UPLOADS} uploads`, async () => {
  const SQL = await loadSqlJs();
  const path = join(tmpdir(), `ff2api-bench-${UPLOADS}-${UPLOADS / 2}.json`);
  if (!existsSync(path)) await writeMillionFile(path, { uploads: UPLOADS, errors: UPLOADS / 2 });
  const file = await openAsBlob(path);
  const restore = async () => {
    const loaded = await loadBackup(SQL, file);
    if (!loaded.ok || !('candidate' in loaded)) throw new Error('the file did not load');
    const live = openDatabase(SQL);
    const done = await finishReplace(loaded.candidate.db, live, {
      now: new Date().toISOString(),
      activity: { kind: 'restore', summary: 'bench', details: {} },
      origin: null,
    });
    live.close();
    if (!done.ok) throw new Error(done.error.message);
    return done.value;
  };

  const teamData = exportDatabase(await restore());
  const key = await testTeamKey();
  const shared = new MemoryObjectStore();
  const bobsCalls: string[] = [];
  const store = shared;
  const alice = await SimBrowser.open(store, key, 'Alice', { deviceId: '1'.repeat(32), maxChangesPerLog: 5000 });
  alice.db.close();
  alice.db = openDatabase(SQL, teamData);
  const [, startMs] = await timed(() => alice.sync.startTeam());

  // Interleaved (the machine is shared): a restore of the file, then a browser joining.
  const restoreMs: number[] = [];
  const joinMs: number[] = [];
  let bob: SimBrowser | null = null;
  for (let i = 0; i < RUNS; i++) {
    const [db, ms] = await timed(restore);
    restoreMs.push(ms);
    db.close();
    bob = await SimBrowser.open(counted(shared, bobsCalls), key, `Bob ${i}`, {
      deviceId: (i + 2).toString(16).repeat(32),
    });
    const joining = bob;
    const [joined, joinedMs] = await timed(() => joining.sync.join());
    if (!joined.ok) throw new Error(joined.error.message);
    joinMs.push(joinedMs);
  }
  if (!bob) throw new Error('no joiner');

  // A batch: a day of one dispatcher's work — 200 uploads with an error each, 50 configuration edits.
  await alice.local((db, now) => createBrokerage(db, 'Batch Co', now));
  await alice.local((db, now) =>
    saveConfiguration(db, configurationInput('Batch Co', 'Main', { 'load.loadNumber': 'L' }), now),
  );
  const configId =
    alice.rows<{ id: number }>("SELECT id FROM brokerage_configurations WHERE configuration_name = 'Main'")[0]?.id ?? 0;
  await syncOk(alice);
  await syncOk(bob);
  await alice.local((db, now) => {
    for (let i = 0; i < 200; i++) {
      db.run(
        "INSERT INTO upload_history (brokerage_name, configuration_name, filename, total_records, successful_records, upload_timestamp, file_headers) VALUES ('Batch Co', 'Main', ?, 120, 119, ?, '[\"Load\",\"Weight\"]')",
        [`loads_${i}.csv`, now],
      );
      db.run(
        "INSERT INTO processing_errors (upload_history_id, row_number, field_name, error_type, error_message, created_at) VALUES (?, 7, 'load.weight', 'validation', 'Weight is not a number', ?)",
        [insertedRowId(db, 'upload_history'), now],
      );
    }
    for (let i = 0; i < 50; i++)
      saveConfiguration(
        db,
        { ...configurationInput('Batch Co', 'Main', { 'load.loadNumber': `Column ${i}` }, configId), api_key: '' },
        now,
      );
  });
  const before = new Set(store.objects.keys());
  await syncOk(alice);
  const logs = [...store.objects].filter(([name]) => !before.has(name) && name.includes('/log/'));
  const logBytes = logs.reduce((sum, [, entry]) => sum + entry.bytes.byteLength, 0);
  const [report, applyMs] = await timed(() => syncOk(bob));

  // A big day: 5,000 uploads from one browser, applied by another.
  await alice.local((db, now) => {
    for (let i = 0; i < 5000; i++) {
      db.run(
        "INSERT INTO upload_history (brokerage_name, configuration_name, filename, total_records, successful_records, upload_timestamp) VALUES ('Batch Co', 'Main', ?, 120, 120, ?)",
        [`big_${i}.csv`, now],
      );
    }
  });
  const beforeBig = new Set(store.objects.keys());
  const [, captureAndPushMs] = await timed(() => syncOk(alice));
  const bigLogs = [...store.objects].filter(([name]) => !beforeBig.has(name) && name.includes('/log/'));
  const [bigReport, bigApplyMs] = await timed(() => syncOk(bob));

  // One edit alone: the smallest log object.
  await alice.local((db, now) =>
    saveConfiguration(
      db,
      { ...configurationInput('Batch Co', 'Main', { 'load.loadNumber': 'One' }, configId), api_key: '' },
      now,
    ),
  );
  const beforeOne = new Set(store.objects.keys());
  await syncOk(alice);
  const oneEdit = [...store.objects].filter(([name]) => !beforeOne.has(name) && name.includes('/log/'));

  // An idle hour: Bob visible (a sync at the app's interval), Alice syncing every half hour.
  await syncOk(bob);
  bobsCalls.length = 0;
  const ticksPerHour = 3_600_000 / SYNC_EVERY_MS;
  for (let tick = 0; tick < ticksPerHour; tick++) {
    for (const browser of [alice, bob]) browser.advance(SYNC_EVERY_MS);
    if (tick % (ticksPerHour / 2) === 0) await syncOk(alice);
    await syncOk(bob);
  }
  const count = (op: string) => bobsCalls.filter((c) => c === op).length;
  const idle = {
    list: count('list'),
    get: count('get'),
    put: count('put'),
    head: count('head'),
    delete: count('delete'),
  };
  const visibleHoursPerMonth = 8 * 22;
  const monthlyUsd = (visibleHoursPerMonth * ((idle.list + idle.put) * 0.005 + idle.get * 0.0004)) / 1000;

  const results = {
    uploads: UPLOADS,
    restoreMs: Math.round(median(restoreMs)),
    joinMs: Math.round(median(joinMs)),
    samples: { restoreMs: restoreMs.map(Math.round), joinMs: joinMs.map(Math.round) },
    joinOverRestore: +(median(joinMs) / median(restoreMs)).toFixed(2),
    startTeamMs: Math.round(startMs),
    snapshotBytes: [...store.objects].filter(([n]) => n.includes('/snapshots/')).map(([, e]) => e.bytes.byteLength),
    batch: {
      changes: report.applied,
      applyMs: Math.round(applyMs),
      changesPerSecond: Math.round(report.applied / (applyMs / 1000)),
      logObjects: logs.length,
      logBytes,
      bytesPerChange: Math.round(logBytes / Math.max(1, report.applied)),
    },
    bigBatch: {
      changes: bigReport.applied,
      captureAndPushMs: Math.round(captureAndPushMs),
      applyMs: Math.round(bigApplyMs),
      changesPerSecond: Math.round(bigReport.applied / (bigApplyMs / 1000)),
      logObjects: bigLogs.length,
      bytesPerChange: Math.round(
        bigLogs.reduce((sum, [, e]) => sum + e.bytes.byteLength, 0) / Math.max(1, bigReport.applied),
      ),
    },
    oneEditLogBytes: oneEdit.map(([, e]) => e.bytes.byteLength),
    idleHour: idle,
    monthlyUsdPerBrowser: +monthlyUsd.toFixed(3),
  };
  console.log(JSON.stringify(results, null, 2));
  writeFileSync(join(__dirname, '../results/team-sync.json'), `${JSON.stringify(results, null, 2)}\n`);
});
