import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('IndexedDB database store', () => {
  it('writes only over the generation it was given', async () => {
    const store = await openIdbDatabaseStore(`store-cas-${Math.random()}`);
    expect(await store.save({ bytes: bytes(1), expectedGeneration: 0, savedAt: 't1' })).toEqual({ ok: true, generation: 1 });
    const stale = await store.save({ bytes: bytes(9), expectedGeneration: 0, savedAt: 't2' });
    expect(stale).toEqual({ ok: false, conflict: true, storedGeneration: 1 });
    expect((await store.load())?.bytes).toEqual(bytes(1));
    await store.save({ bytes: bytes(2), expectedGeneration: 1, savedAt: 't3' });
    expect(await store.load()).toEqual({ bytes: bytes(2), generation: 2, savedAt: 't3' });
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
    expect(await store.save({ bytes: bytes(8), expectedGeneration: 3, savedAt: 'n' })).toEqual({ ok: true, generation: 4 });
    expect((await store.save({ bytes: bytes(9), expectedGeneration: 3, savedAt: 'n2' })).ok).toBe(false);
  });
});
