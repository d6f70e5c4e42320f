import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { listAll, readAllBytes } from '../../src/core/team-store/object-store';
import { S3Requester } from '../../src/platform/team-store/s3-request';
import { freshPrefix, patternBytes, s3Settings, testStore } from '../support/s3-test-store';

/** The S3 client against a real S3 server (Ceph RGW): each operation, and each failure as a value. */

const text = (value: string) => new TextEncoder().encode(value);

describe('S3 object store against Ceph RGW', () => {
  it('puts, gets, heads, lists and deletes objects', async () => {
    const store = testStore();
    const prefix = freshPrefix('basic');
    const put = await store.put(`${prefix}a/one`, text('first object'));
    expect(put.ok && put.value.etag.length).toBeGreaterThan(0);
    expect((await store.put(`${prefix}b/two`, new Blob([text('second')]))).ok).toBe(true);

    const got = await store.get(`${prefix}a/one`);
    if (!got.ok) throw new Error(got.error.detail);
    expect(new TextDecoder().decode(await readAllBytes(got.value.body))).toBe('first object');
    expect(got.value.size).toBe(12);

    const head = await store.head(`${prefix}b/two`);
    expect(head.ok && head.value.size).toBe(6);

    const listed = await listAll(store, prefix);
    if (!listed.ok) throw new Error(listed.error.detail);
    expect(listed.value.map((o) => [o.name, o.size])).toEqual([
      [`${prefix}a/one`, 12],
      [`${prefix}b/two`, 6],
    ]);
    expect(Date.parse(listed.value[0]?.lastModified ?? '')).toBeGreaterThan(Date.now() - 3_600_000);

    expect((await store.delete(`${prefix}a/one`)).ok).toBe(true);
    const gone = await store.get(`${prefix}a/one`);
    expect(gone.ok ? 'found' : gone.error.code).toBe('not-found');
    expect((await store.delete(`${prefix}a/one`)).ok).toBe(true);
  });

  it('lists page by page', async () => {
    const store = testStore();
    const prefix = freshPrefix('pages');
    for (let i = 0; i < 5; i++) await store.put(`${prefix}${i}`, text(String(i)));
    const first = await store.list(prefix, { pageSize: 2 });
    if (!first.ok) throw new Error(first.error.detail);
    expect(first.value.objects).toHaveLength(2);
    expect(first.value.continuation).toBeDefined();
    const all = await listAll(store, prefix);
    expect(all.ok && all.value.map((o) => o.name)).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}${i}`));
  });

  it('reads a byte range and reports the whole size', async () => {
    const store = testStore();
    const name = `${freshPrefix('range')}object`;
    const bytes = patternBytes(10_000, 7);
    await store.put(name, bytes);
    const got = await store.get(name, { start: 100, end: 199 });
    if (!got.ok) throw new Error(got.error.detail);
    expect(got.value.size).toBe(10_000);
    expect(await readAllBytes(got.value.body)).toEqual(bytes.subarray(100, 200));
  });

  it('a wrong secret is "denied", with a message that says what to check', async () => {
    const store = testStore({ secretAccessKey: 'not-the-secret' });
    const listed = await store.list('anything/');
    expect(listed.ok ? 'ok' : listed.error.code).toBe('denied');
    expect(listed.ok ? '' : listed.error.message).toMatch(/access key ID and secret/);
    expect(listed.ok ? '' : listed.error.s3Code).toBe('SignatureDoesNotMatch');
  });

  it('a key of another user is "denied" on a bucket it does not own', async () => {
    const s3 = inject('s3');
    const store = testStore({ accessKeyId: s3.S3_OTHER_ACCESS_KEY, secretAccessKey: s3.S3_OTHER_SECRET_KEY });
    const put = await store.put(`${freshPrefix('foreign')}x`, text('x'));
    expect(put.ok ? 'ok' : put.error.code).toBe('denied');
  });

  it('a clock 20 minutes off is "clock-skew", explained', async () => {
    const store = testStore({}, { now: () => new Date(Date.now() - 20 * 60_000) });
    const listed = await store.list('anything/');
    expect(listed.ok ? 'ok' : listed.error.code).toBe('clock-skew');
    expect(listed.ok ? '' : listed.error.message).toMatch(/clock/);
  });

  it('nobody listening is "unreachable", not a throw', async () => {
    const store = testStore({ endpoint: 'http://127.0.0.1:9' });
    const listed = await store.list('x/');
    expect(listed.ok ? 'ok' : listed.error.code).toBe('unreachable');
  });

  it('a missing bucket is "not-found" naming the bucket', async () => {
    const store = testStore({ bucket: 'ff2api-no-such-bucket' });
    const listed = await store.list('x/');
    expect(listed.ok ? 'ok' : listed.error.code).toBe('not-found');
    expect(listed.ok ? '' : listed.error.message).toMatch(/bucket/);
  });

  it('a create-only write of an existing name is "precondition-failed" and changes nothing', async () => {
    const store = testStore();
    const name = `${freshPrefix('conditional')}object`;
    expect((await store.put(name, text('first'), { ifNoneMatch: '*' })).ok).toBe(true);
    const second = await store.put(name, text('second'), { ifNoneMatch: '*' });
    expect(second.ok ? 'ok' : second.error.code).toBe('precondition-failed');
    const got = await store.get(name);
    expect(got.ok && new TextDecoder().decode(await readAllBytes(got.value.body))).toBe('first');
  });

  it('a redirect is never followed: it is "redirected", naming where it pointed', async () => {
    const { createServer } = await import('node:http');
    let followed = false;
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/elsewhere')) followed = true;
      res.writeHead(301, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const requester = new S3Requester(s3Settings({ endpoint: `http://127.0.0.1:${port}` }));
    const answer = await requester.send({ method: 'GET', key: 'x' });
    server.close();
    expect(answer.ok ? 'ok' : answer.error.code).toBe('redirected');
    expect(answer.ok ? '' : answer.error.message).toContain('http://127.0.0.1:1/elsewhere');
    expect(followed).toBe(false);
  });
});
