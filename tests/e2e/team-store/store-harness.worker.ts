import { openObject, readOpenedBody, readSealedHeader } from '../../../src/core/team-store/envelope-open';
import { METADATA_PROBE_BYTES } from '../../../src/core/team-store/envelope-format';
import { sealObject } from '../../../src/core/team-store/envelope-seal';
import { newObjectId, objectKey, relativeObjectName } from '../../../src/core/team-store/object-names';
import { readAllBytes } from '../../../src/core/team-store/object-store';
import { createTeam } from '../../../src/core/team-store/team-keys';
import { clockOffsetFromOrigin } from '../../../src/platform/team-store/clock-check';
import { checkConnection } from '../../../src/platform/team-store/connection-check';
import { S3ObjectStore } from '../../../src/platform/team-store/s3-object-store';
import type { S3Settings } from '../../../src/platform/team-store/s3-request';

/**
 * The team store's client in a real Chromium Web Worker (where there is no DOMParser and CORS
 * applies), driven by tests/e2e/team-store-worker.spec.ts: a connection check, and a sealed
 * object up and down — multipart when large — through the real S3 server.
 */

export type HarnessRequest =
  | { op: 'check'; settings: S3Settings; prefix: string; clockOffsetMs?: number }
  | { op: 'round-trip'; settings: S3Settings; prefix: string; bytes: number };

async function digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Random bytes (gzip cannot shrink them, so the sealed object is as large as the body). */
function randomBody(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  return bytes;
}

async function roundTrip(settings: S3Settings, prefix: string, size: number) {
  const store = new S3ObjectStore(settings);
  const team = await createTeam('a team passphrase for the worker', new Date().toISOString(), 1000);
  if (!team.ok) throw new Error(team.error.message);
  const { teamKey } = team.value;
  const deviceId = newObjectId();
  const name = { kind: 'backup' as const, deviceId, objectId: newObjectId() };
  const relative = relativeObjectName(name);
  const key = objectKey(prefix, name);
  const plain = randomBody(size);
  const metadata = { kind: 'backup', createdAt: new Date().toISOString(), deviceId, person: 'Worker', details: {} };
  const sealed = sealObject({
    teamKey,
    name: relative,
    metadata,
    body: new Blob([plain as BlobPart]),
    plainSize: size,
  });
  const put = await store.put(key, sealed);
  if (!put.ok) return { stage: 'put', error: put.error };
  const first = await store.get(key, { start: 0, end: METADATA_PROBE_BYTES - 1 });
  if (!first.ok) return { stage: 'ranged get', error: first.error };
  const header = await readSealedHeader(teamKey, relative, await readAllBytes(first.value.body));
  const whole = await store.get(key);
  if (!whole.ok) return { stage: 'get', error: whole.error };
  const opened = await openObject(teamKey, relative, whole.value.body);
  if (!opened.ok) return { stage: 'open', error: opened.error };
  const body = await readOpenedBody(relative, opened.value);
  const deleted = await store.delete(key);
  return {
    stage: 'done',
    etag: put.value.etag,
    headerPerson: 'ok' in header && header.ok ? header.value.metadata.person : null,
    same: body.ok && (await digest(body.value)) === (await digest(plain)),
    deleted: deleted.ok,
    hasDomParser: typeof (globalThis as { DOMParser?: unknown }).DOMParser !== 'undefined',
  };
}

self.onmessage = (event: MessageEvent<HarnessRequest>) => {
  const request = event.data;
  const run = async () => {
    if (request.op === 'check') {
      const offset = request.clockOffsetMs ?? 0;
      const now = () => new Date(Date.now() + offset);
      const store = new S3ObjectStore(request.settings, { now });
      const origin = self.location.origin;
      const clockOffset = () => clockOffsetFromOrigin(origin, now);
      return checkConnection(store, { prefix: request.prefix, origin, inBrowser: true, clockOffset });
    }
    return roundTrip(request.settings, request.prefix, request.bytes);
  };
  run().then(
    (value) => self.postMessage({ ok: true, value }),
    (error: unknown) => self.postMessage({ ok: false, error: String(error) }),
  );
};
