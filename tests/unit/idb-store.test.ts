import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('IndexedDB database store', () => {
  it('writes only over the generation it was given', async () => {
    const store = await openIdbDatabaseStore(`store-cas-${Math.random()}`);
    expect(await store.save({ bytes: bytes(1), expectedGeneration: 0, savedAt: 't1' })).toEqual({
      ok: true,
      generation: 1,
    });
    const stale = await store.save({ bytes: bytes(9), expectedGeneration: 0, savedAt: 't2' });
    expect(stale).toEqual({ ok: false, conflict: true, storedGeneration: 1 });
    expect((await store.load())?.bytes).toEqual(bytes(1));
    await store.save({ bytes: bytes(2), expectedGeneration: 1, savedAt: 't3' });
    expect(await store.load()).toEqual({ bytes: bytes(2), generation: 2, savedAt: 't3' });
  });

  it('after a torn save (file record written, generation record not) it still saves, and the records agree again', async () => {
    const name = `store-torn-${Math.random()}`;
    const store = await openIdbDatabaseStore(name);
    await store.save({ bytes: bytes(1), expectedGeneration: 0, savedAt: 't1' });
    await store.save({ bytes: bytes(2), expectedGeneration: 1, savedAt: 't2' });
    // What a worker killed mid-commit left behind in Chromium: the new file, the old generation.
    const raw = await openDB(name);
    await raw.put('database', { bytes: bytes(3), generation: 3, savedAt: 't3' }, 'live');
    raw.close();
    const loaded = await store.load();
    expect(loaded).toEqual({ bytes: bytes(3), generation: 2, savedAt: 't3' });
    expect(await store.save({ bytes: bytes(4), expectedGeneration: loaded?.generation ?? -1, savedAt: 't4' })).toEqual({
      ok: true,
      generation: 3,
    });
    expect(await store.load()).toEqual({ bytes: bytes(4), generation: 3, savedAt: 't4' });
  });

  it('upgrades a store from before the separate generation record without losing its place', async () => {
    const name = `store-upgrade-${Math.random()}`;
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('database');
        db.createObjectStore('snapshots');
      },
    });
    await old.put('database', { bytes: bytes(7), generation: 3, savedAt: 'old' }, 'live');
    old.close();
    const store = await openIdbDatabaseStore(name);
    expect((await store.load())?.generation).toBe(3);
    expect((await store.save({ bytes: bytes(1), expectedGeneration: 2, savedAt: 'n' })).ok).toBe(false);
    expect(await store.save({ bytes: bytes(8), expectedGeneration: 3, savedAt: 'n' })).toEqual({
      ok: true,
      generation: 4,
    });
    expect((await store.save({ bytes: bytes(9), expectedGeneration: 3, savedAt: 'n2' })).ok).toBe(false);
  });
});

describe('IndexedDB database store, a file larger than one part', () => {
  const file = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

  it('stores it in parts and reads back exactly the bytes saved, under the same compare-and-swap', async () => {
    const name = `store-parts-${Math.random()}`;
    const store = await openIdbDatabaseStore(name, 1000);
    const big = file(2500, 1);
    expect(await store.save({ bytes: big, expectedGeneration: 0, savedAt: 't1' })).toEqual({ ok: true, generation: 1 });
    const raw = await openDB(name);
    const record = (await raw.get('database', 'live')) as { parts?: Blob[]; byteLength?: number; bytes?: unknown };
    raw.close();
    expect(record.bytes).toBeUndefined();
    expect(record.parts?.map((part) => part.size)).toEqual([1000, 1000, 500]);
    expect(await store.load()).toEqual({ bytes: big, generation: 1, savedAt: 't1' });
    // A stale tab cannot overwrite it, and a smaller file goes back to one value.
    expect((await store.save({ bytes: file(3000, 2), expectedGeneration: 0, savedAt: 't2' })).ok).toBe(false);
    expect(await store.save({ bytes: file(10, 3), expectedGeneration: 1, savedAt: 't3' })).toEqual({
      ok: true,
      generation: 2,
    });
    expect(await store.load()).toEqual({ bytes: file(10, 3), generation: 2, savedAt: 't3' });
  });

  it('refuses to hand out parts that do not add up to the recorded size', async () => {
    const name = `store-parts-bad-${Math.random()}`;
    const store = await openIdbDatabaseStore(name, 1000);
    await store.save({ bytes: file(2500, 1), expectedGeneration: 0, savedAt: 't1' });
    const raw = await openDB(name);
    const record = (await raw.get('database', 'live')) as { parts: Blob[] };
    await raw.put('database', { ...record, parts: record.parts.slice(0, 2) }, 'live');
    raw.close();
    await expect(store.load()).rejects.toThrow(/2000 bytes, 2500 recorded/);
  });
});
