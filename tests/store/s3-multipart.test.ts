import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAllBytes } from '../../src/core/team-store/object-store';
import { freshPrefix, patternBytes, testStore } from '../support/s3-test-store';

/** Large objects go up in parts, read as they stream, and a failed upload leaves nothing behind. */

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A stream of `total` bytes from `source`, in uneven chunks (as an encrypting pipe gives them). */
function streamOf(source: Uint8Array, failAfter?: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && at >= failAfter) {
        controller.error(new Error('the body failed half-way'));
        return;
      }
      if (at >= source.byteLength) {
        controller.close();
        return;
      }
      const size = 300_001 + (at % 77_777);
      controller.enqueue(source.slice(at, at + size));
      at += size;
    },
  });
}

describe('multipart upload against Ceph RGW', () => {
  it('a 41 MiB stream goes up in parts and reads back byte for byte', async () => {
    const store = testStore();
    const name = `${freshPrefix('multipart')}big`;
    const bytes = patternBytes(41 * MiB + 12_345, 3);
    const put = await store.put(name, streamOf(bytes));
    if (!put.ok) throw new Error(put.error.detail);
    // A multipart ETag is "<md5 of part md5s>-<parts>": 41 MiB in 8 MiB parts is 6 parts.
    expect(put.value.etag).toMatch(/-6$/);
    expect(put.value.size).toBe(bytes.byteLength);
    const got = await store.get(name);
    if (!got.ok) throw new Error(got.error.detail);
    expect(got.value.size).toBe(bytes.byteLength);
    expect(sha256(await readAllBytes(got.value.body))).toBe(sha256(bytes));
    await store.delete(name);
  });

  it('a body below the threshold is one PUT (a plain ETag)', async () => {
    const store = testStore();
    const name = `${freshPrefix('single')}small`;
    const put = await store.put(name, streamOf(patternBytes(9 * MiB, 5)));
    expect(put.ok && put.value.etag).toMatch(/^[0-9a-f]{32}$/);
    await store.delete(name);
  });

  it('a body that fails half-way aborts the upload: a value, no object, no upload left open', async () => {
    const store = testStore();
    const name = `${freshPrefix('aborted')}big`;
    // The first 40 MiB are read before deciding on multipart; the failure comes after the upload began.
    const put = await store.put(name, streamOf(patternBytes(50 * MiB, 9), 42 * MiB));
    expect(put.ok ? 'ok' : put.error.code).toBe('server');
    expect(put.ok ? '' : put.error.detail).toMatch(/failed half-way/);
    const got = await store.head(name);
    expect(got.ok ? 'found' : got.error.code).toBe('not-found');
    const open = await store.requester.send({ method: 'GET', query: { uploads: '' } });
    expect(open.ok && (await open.response.text()).includes(name)).toBe(false);
  });
});
