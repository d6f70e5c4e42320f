import { existsSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, it } from 'vitest';
import { openObject, readOpenedBody } from '../../src/core/team-store/envelope-open';
import { sealObject } from '../../src/core/team-store/envelope-seal';
import { newObjectId, objectKey, relativeObjectName } from '../../src/core/team-store/object-names';
import { S3ObjectStore } from '../../src/platform/team-store/s3-object-store';
import { testTeamKey } from '../../tests/support/team-keys';
import { writeMillionFile } from '../node/million-file.mjs';

/**
 * Backup to and restore from the team store, against its floor, in Node against Ceph RGW, with a
 * real backup file of STORE_UPLOADS uploads (default 100,000 ≈ 48 MB of JSON):
 * - up:   ours = seal (gzip + chunked AES-GCM, streamed) + PUT of the stream;
 *         floor = CompressionStream gzip of the whole file + one AES-GCM + one PUT;
 * - down: ours = GET streamed + open chunk by chunk + gunzip;
 *         floor = GET + one AES-GCM decrypt + DecompressionStream gunzip.
 * Interleaved, median of STORE_RUNS (default 5) after a warm-up.
 */
const UPLOADS = Number(process.env.STORE_UPLOADS ?? 100_000);
const RUNS = Number(process.env.STORE_RUNS ?? 5);

/** The cheapest way to collect a stream of known total size: one copy into one array. */
async function drainInto(stream: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array> {
  const whole = new Uint8Array(size);
  const reader = stream.getReader();
  let filled = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    whole.set(next.value, filled);
    filled += next.value.byteLength;
  }
  return whole;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const gzipStream = () => new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
const gunzipStream = () => new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;

it(`team store backup and restore at ${UPLOADS} uploads`, async () => {
  const s3 = inject('s3');
  const path = join(tmpdir(), `ff2api-bench-${UPLOADS}-${UPLOADS / 2}.json`);
  if (!existsSync(path)) await writeMillionFile(path, { uploads: UPLOADS, errors: UPLOADS / 2 });
  const file = await openAsBlob(path);
  const store = new S3ObjectStore({
    endpoint: s3.S3_ENDPOINT,
    region: s3.S3_REGION,
    bucket: s3.S3_BUCKET,
    accessKeyId: s3.S3_ACCESS_KEY,
    secretAccessKey: s3.S3_SECRET_KEY,
  });
  const teamKey = await testTeamKey();
  const deviceId = newObjectId();
  const prefix = `bench-${Date.now().toString(36)}/`;
  const aesKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = new Uint8Array(12);

  const floorUp = async (key: string) => {
    const gz = new Uint8Array(await new Response(file.stream().pipeThrough(gzipStream())).arrayBuffer());
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aesKey, gz));
    const put = await store.put(key, sealed);
    if (!put.ok) throw new Error(put.error.detail);
  };
  const oursUp = async (relative: string, key: string) => {
    const metadata = { kind: 'backup', createdAt: new Date().toISOString(), deviceId, person: 'bench', details: {} };
    const body = sealObject({ teamKey, name: relative, metadata, body: file, plainSize: file.size });
    const put = await store.put(key, body);
    if (!put.ok) throw new Error(put.error.detail);
  };
  const floorDown = async (key: string) => {
    const got = await store.get(key);
    if (!got.ok) throw new Error(got.error.detail);
    const sealed = await drainInto(got.value.body, got.value.size);
    const gz = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, aesKey, sealed as Uint8Array<ArrayBuffer>),
    );
    const plain = await drainInto(new Blob([gz]).stream().pipeThrough(gunzipStream()), file.size);
    if (plain.byteLength !== file.size) throw new Error('floor restore size');
  };
  const oursDown = async (relative: string, key: string) => {
    const got = await store.get(key);
    if (!got.ok) throw new Error(got.error.detail);
    const opened = await openObject(teamKey, relative, got.value.body);
    if (!opened.ok) throw new Error(opened.error.detail);
    const body = await readOpenedBody(relative, opened.value);
    if (!body.ok || body.value.byteLength !== file.size) throw new Error('restore size');
  };

  const times = {
    floorUp: [] as number[],
    oursUp: [] as number[],
    floorDown: [] as number[],
    oursDown: [] as number[],
  };
  let storedBytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    const name = { kind: 'backup' as const, deviceId, objectId: newObjectId() };
    const relative = relativeObjectName(name);
    const key = objectKey(prefix, name);
    const floorKey = `${prefix}floor-${run}`;
    const time = async (label: keyof typeof times, step: () => Promise<void>) => {
      const start = performance.now();
      await step();
      if (run > 0) times[label].push(performance.now() - start);
    };
    await time('floorUp', () => floorUp(floorKey));
    await time('oursUp', () => oursUp(relative, key));
    await time('floorDown', () => floorDown(floorKey));
    await time('oursDown', () => oursDown(relative, key));
    const head = await store.head(key);
    storedBytes = head.ok ? head.value.size : 0;
    await store.delete(key);
    await store.delete(floorKey);
  }
  const line = (label: string, ours: number[], floor: number[]) =>
    `${label}: ours ${median(ours).toFixed(0)} ms, floor ${median(floor).toFixed(0)} ms, ` +
    `ratio ${(median(ours) / median(floor)).toFixed(2)}×`;
  console.log(
    [
      `Team store at ${UPLOADS} uploads: backup file ${(file.size / 1e6).toFixed(1)} MB of JSON, ` +
        `stored sealed ${(storedBytes / 1e6).toFixed(1)} MB, median of ${RUNS}`,
      line('backup to the store (gzip + encrypt + PUT)', times.oursUp, times.floorUp),
      line('restore from the store (GET + decrypt + gunzip)', times.oursDown, times.floorDown),
    ].join('\n'),
  );
});
