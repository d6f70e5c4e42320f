/**
 * The team store's figures in a Web Worker of Chromium, against the local Ceph RGW, with the app's
 * own code and the floor docs/performance.md defines, interleaved round by round on the same backup file:
 * - backup to the store: ours = the app's copy (sealed as it is read: gzip, AES-GCM chunks, its
 *   name bound; the S3 client's PUT); floor = gzip of the whole file + one AES-GCM + one PUT of
 *   the same bytes. The copy's read-back check (GET, open, SHA-256, content checksum) is timed apart.
 * - restore from the store: ours = the app's download (GET, every chunk opened, gunzip) + the
 *   app's restore until durable; floor = GET + one AES-GCM decrypt + gunzip + the restore floor.
 */
import type { SqlJsStatic } from '../../src/core/db/sql-types';
import { newObjectId } from '../../src/core/team-store/object-names';
import { readAllBytes } from '../../src/core/team-store/object-store';
import { createTeam } from '../../src/core/team-store/team-keys';
import type { S3Settings } from '../../src/platform/team-store/s3-request';
import { s3Transport } from '../../src/platform/team-store/s3-transport';
import { sha256Hex } from '../../src/worker/team-store/file-digest';
import { downloadBackup } from '../../src/worker/team-store/store-download';
import { openSession } from '../../src/worker/team-store/team-session';
import { checkCopy, sendSealed } from '../../src/worker/team-store/upload-attempt';
import type { StoreUploadJob } from '../../src/worker/team-store/upload-queue-store';
import { collectGarbage, Collector, stopwatch, type Timings } from './timing';

export interface StoreBenchDeps {
  SQL: SqlJsStatic;
  file: Uint8Array;
  checksum: string;
  /** The restore floor's steps (decode, parse, validate, insert, export, IndexedDB). */
  floorRestore: () => Promise<Timings>;
  /** The app's restore until durable, of the given file bytes. */
  appRestore: (bytes: Uint8Array) => Promise<Timings>;
}

const gzip = () => new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
const gunzip = () => new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;

export async function measureStore(deps: StoreBenchDeps, s3: S3Settings, options: { warmup: number; runs: number }) {
  const createdAt = new Date().toISOString();
  const team = await createTeam('bench team passphrase, not a real one', createdAt, 1000);
  if (!team.ok) throw new Error(team.error.message);
  const prefix = `bench-store-${Date.now().toString(36)}/`;
  const identity = { deviceId: newObjectId(), browserName: 'bench', person: 'bench' };
  const connection = {
    ...s3,
    addressing: s3.addressing ?? 'path',
    prefix,
    teamId: team.value.manifest.teamId,
    teamKey: team.value.teamKeyBytes,
    connectedAt: createdAt,
  };
  const session = await openSession(s3Transport, identity, connection);
  const blob = new Blob([deps.file as Uint8Array<ArrayBuffer>]);
  const details = {
    backupKind: 'manual' as const,
    fileName: 'ff2api_backup_20260105_090000.json',
    checksum: deps.checksum,
    sha256: await sha256Hex(deps.file),
    sizeBytes: deps.file.byteLength,
    counts: {},
    secrets: 'plain' as const,
  };
  const floorKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = new Uint8Array(12);
  const collector = new Collector();
  let sealedBytes = 0;
  for (let round = 0; round < options.warmup + options.runs; round++) {
    const keep = round >= options.warmup;
    const floorName = `${prefix}floor-${round}`;
    const job: StoreUploadJob = {
      id: newObjectId(),
      objectId: newObjectId(),
      key: '',
      queuedAt: createdAt,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: createdAt,
      lastError: null,
      createdAt,
      details,
    };

    collectGarbage();
    let sw = stopwatch();
    const gz = new Uint8Array(await new Response(blob.stream().pipeThrough(gzip())).arrayBuffer());
    sw.lap('gzip');
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, floorKey, gz));
    sw.lap('encrypt');
    const floorPut = await session.store.put(floorName, sealed);
    sw.lap('put');
    if (!floorPut.ok) throw new Error(floorPut.error.detail);
    const floorUp = sw.done();

    collectGarbage();
    sw = stopwatch();
    const sent = await sendSealed(session, job, blob);
    sw.lap('sealAndPut');
    if (!sent.ok) throw new Error(sent.error.detail);
    const appUp = sw.done();
    const head = await session.store.head(sent.key);
    sealedBytes = head.ok ? head.value.size : 0;

    collectGarbage();
    sw = stopwatch();
    const checked = await checkCopy(session, deps.SQL, job, () => new Date());
    sw.lap('readBackAndCheck');
    if (!checked.ok) throw new Error(checked.error.detail);
    const appCheck = sw.done();

    collectGarbage();
    sw = stopwatch();
    const got = await session.store.get(floorName);
    if (!got.ok) throw new Error(got.error.detail);
    const fetched = await readAllBytes(got.value.body);
    sw.lap('get');
    const opened = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, floorKey, fetched as Uint8Array<ArrayBuffer>),
    );
    sw.lap('decrypt');
    const plain = new Uint8Array(await new Response(new Blob([opened]).stream().pipeThrough(gunzip())).arrayBuffer());
    sw.lap('gunzip');
    if (plain.byteLength !== deps.file.byteLength) throw new Error('the floor read back a different size');
    const floorDown = sw.done();
    collectGarbage();
    const floorRestore = await deps.floorRestore();

    collectGarbage();
    sw = stopwatch();
    const downloaded = await downloadBackup(session, sent.key);
    sw.lap('downloadAndOpen');
    if (!downloaded.ok) throw new Error(downloaded.error.detail ?? downloaded.error.message);
    const restoreTimings = await deps.appRestore(downloaded.value.bytes);
    for (const [step, ms] of Object.entries(restoreTimings)) if (step !== 'total') sw.add(`restore:${step}`, ms);
    const appDown = sw.done();
    appDown.total = (appDown.downloadAndOpen ?? 0) + (restoreTimings.total ?? 0);

    await session.store.delete(floorName);
    await session.own.delete(sent.key);
    if (keep) {
      collector.add('floor.storeUp', floorUp);
      collector.add('app.storeUp', appUp);
      collector.add('app.storeCheck', appCheck);
      collector.add('floor.storeDown', floorDown);
      collector.add('floor.restore', floorRestore);
      collector.add('app.storeDown', appDown);
    }
  }
  await session.store.delete(`${prefix}ff2api-team.json`);
  return { fileBytes: deps.file.byteLength, sealedBytes, steps: collector.result() };
}
