import { listAll, readAllBytes, type ObjectStore } from '../../src/core/team-store/object-store';

/**
 * What every ObjectStore must do, as plain async checks with no test framework in them, so the
 * SAME checks run under Vitest (the in-memory store; the S3 client against Ceph) and inside
 * Chromium (the shared-folder store over a real FileSystemDirectoryHandle). A check throws on
 * the first difference, saying what was expected.
 */
export interface StoreCheck {
  name: string;
  run(store: ObjectStore, prefix: string): Promise<void>;
}

const text = (value: string) => new TextEncoder().encode(value);

async function read(store: ObjectStore, name: string): Promise<string> {
  const got = await store.get(name);
  return got.ok ? new TextDecoder().decode(await readAllBytes(got.value.body)) : got.error.code;
}

function same(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export const objectStoreChecks: StoreCheck[] = [
  {
    name: 'a put object reads back, whole and by range, with its size',
    async run(store, prefix) {
      const put = await store.put(`${prefix}a`, text('0123456789'));
      same(put.ok && put.value.size, 10, 'size put');
      same(await read(store, `${prefix}a`), '0123456789', 'bytes read');
      const range = await store.get(`${prefix}a`, { start: 2, end: 4 });
      same(range.ok && range.value.size, 10, 'whole size of a range');
      same(range.ok && new TextDecoder().decode(await readAllBytes(range.value.body)), '234', 'range read');
      const head = await store.head(`${prefix}a`);
      same(head.ok && [head.value.size, head.value.etag === (put.ok ? put.value.etag : '')], [10, true], 'head');
    },
  },
  {
    name: 'a stream and a Blob are stored like bytes; a put replaces, with a new etag',
    async run(store, prefix) {
      await store.put(`${prefix}s`, new Blob([text('blob')]).stream());
      const first = await store.put(`${prefix}b`, new Blob([text('first')]));
      const second = await store.put(`${prefix}b`, new Blob([text('second')]));
      same([await read(store, `${prefix}s`), await read(store, `${prefix}b`)], ['blob', 'second'], 'bytes read');
      same(first.ok && second.ok && first.value.etag !== second.value.etag, true, 'etag changed');
    },
  },
  {
    name: 'lists by prefix in name order, page by page',
    async run(store, prefix) {
      for (const name of ['c', 'a', 'b/x', 'b/y']) await store.put(`${prefix}${name}`, text(name));
      await store.put(`${prefix.slice(0, -1)}-sibling/z`, text('z'));
      const page = await store.list(prefix, { pageSize: 3 });
      same(page.ok && page.value.objects.length, 3, 'first page length');
      same(page.ok && typeof page.value.continuation, 'string', 'continuation');
      const all = await listAll(store, prefix);
      same(
        all.ok && all.value.map((o) => o.name),
        ['a', 'b/x', 'b/y', 'c'].map((n) => `${prefix}${n}`),
        'names',
      );
      same(all.ok && all.value.every((o) => !Number.isNaN(Date.parse(o.lastModified))), true, 'dates');
      const partial = await listAll(store, `${prefix}b/`);
      same(
        partial.ok && partial.value.map((o) => [o.name, o.size]),
        [`${prefix}b/x`, `${prefix}b/y`].map((n) => [n, 3]),
        'sub-prefix',
      );
    },
  },
  {
    name: 'missing objects are "not-found" values; deleting one twice succeeds',
    async run(store, prefix) {
      await store.put(`${prefix}gone`, text('x'));
      same((await store.delete(`${prefix}gone`)).ok, true, 'first delete');
      same((await store.delete(`${prefix}gone`)).ok, true, 'second delete');
      same(await read(store, `${prefix}gone`), 'not-found', 'get after delete');
      const head = await store.head(`${prefix}gone`);
      same(head.ok ? 'found' : head.error.code, 'not-found', 'head after delete');
      const listed = await listAll(store, `${prefix}gone`);
      same(listed.ok && listed.value, [], 'listing after delete');
    },
  },
  {
    name: 'a create-only put of a taken name is "precondition-failed" and keeps the first',
    async run(store, prefix) {
      same((await store.put(`${prefix}once`, text('first'), { ifNoneMatch: '*' })).ok, true, 'first put');
      const again = await store.put(`${prefix}once`, text('second'), { ifNoneMatch: '*' });
      same(again.ok ? 'ok' : again.error.code, 'precondition-failed', 'second put');
      same(await read(store, `${prefix}once`), 'first', 'kept');
    },
  },
];
