import { describe, expect, it } from 'vitest';
import { listAll, readAllBytes, type ObjectStore } from '../../src/core/team-store/object-store';

/**
 * What every ObjectStore must do, run against the in-memory store (unit tests) and the S3 client
 * against Ceph (store tests) — so the unit tests' stand-in behaves like the real thing.
 */
export function objectStoreContract(label: string, make: () => { store: ObjectStore; prefix: string }): void {
  const text = (value: string) => new TextEncoder().encode(value);
  const read = async (store: ObjectStore, name: string) => {
    const got = await store.get(name);
    return got.ok ? new TextDecoder().decode(await readAllBytes(got.value.body)) : got.error.code;
  };

  describe(`object store contract: ${label}`, () => {
    it('a put object reads back, whole and by range, with its size', async () => {
      const { store, prefix } = make();
      const put = await store.put(`${prefix}a`, text('0123456789'));
      expect(put.ok && put.value.size).toBe(10);
      expect(await read(store, `${prefix}a`)).toBe('0123456789');
      const range = await store.get(`${prefix}a`, { start: 2, end: 4 });
      expect(range.ok && range.value.size).toBe(10);
      expect(range.ok && new TextDecoder().decode(await readAllBytes(range.value.body))).toBe('234');
      const head = await store.head(`${prefix}a`);
      expect(head.ok && [head.value.size, head.value.etag === (put.ok ? put.value.etag : '')]).toEqual([10, true]);
    });

    it('a stream and a Blob are stored like bytes; a put replaces', async () => {
      const { store, prefix } = make();
      await store.put(`${prefix}s`, new Blob([text('blob')]).stream());
      await store.put(`${prefix}b`, new Blob([text('first')]));
      await store.put(`${prefix}b`, new Blob([text('second')]));
      expect([await read(store, `${prefix}s`), await read(store, `${prefix}b`)]).toEqual(['blob', 'second']);
    });

    it('lists by prefix in name order, page by page', async () => {
      const { store, prefix } = make();
      for (const name of ['c', 'a', 'b/x', 'b/y']) await store.put(`${prefix}${name}`, text(name));
      await store.put(`${prefix.slice(0, -1)}-sibling/z`, text('z'));
      const page = await store.list(prefix, { pageSize: 3 });
      expect(page.ok && page.value.objects.length).toBe(3);
      expect(page.ok && page.value.continuation).toBeDefined();
      const all = await listAll(store, prefix);
      expect(all.ok && all.value.map((o) => o.name)).toEqual(['a', 'b/x', 'b/y', 'c'].map((n) => `${prefix}${n}`));
      expect(all.ok && all.value.every((o) => !Number.isNaN(Date.parse(o.lastModified)))).toBe(true);
    });

    it('missing objects are "not-found" values; deleting one twice succeeds', async () => {
      const { store, prefix } = make();
      await store.put(`${prefix}gone`, text('x'));
      expect((await store.delete(`${prefix}gone`)).ok).toBe(true);
      expect((await store.delete(`${prefix}gone`)).ok).toBe(true);
      expect(await read(store, `${prefix}gone`)).toBe('not-found');
      const head = await store.head(`${prefix}gone`);
      expect(head.ok ? 'found' : head.error.code).toBe('not-found');
    });

    it('a create-only put of a taken name is "precondition-failed" and keeps the first', async () => {
      const { store, prefix } = make();
      expect((await store.put(`${prefix}once`, text('first'), { ifNoneMatch: '*' })).ok).toBe(true);
      const again = await store.put(`${prefix}once`, text('second'), { ifNoneMatch: '*' });
      expect(again.ok ? 'ok' : again.error.code).toBe('precondition-failed');
      expect(await read(store, `${prefix}once`)).toBe('first');
    });
  });
}
