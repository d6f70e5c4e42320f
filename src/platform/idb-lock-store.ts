/**
 * Stores the app lock's header in its own IndexedDB database "ff2api-web-lock" (object store
 * "lock", key "header"): salt, iteration count, phase and the wrapped data keys — no secret
 * usable without the passphrase. Kept apart from the data so that the database's own store
 * (and its upgrades) need not know about the lock. Writes resolve after `tx.done` (committed).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { LockHeader } from '../core/lock/lock-header';
import type { LockHeaderStore } from '../worker/lock/lock-header-store';

const IDB_NAME = 'ff2api-web-lock';
const STORE = 'lock';
const KEY = 'header';

/** Opens (or creates) the lock's IndexedDB database. */
export async function openIdbLockStore(name = IDB_NAME): Promise<LockHeaderStore> {
  const idb: IDBPDatabase = await openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
    blocking() {
      idb.close();
    },
  });
  return {
    load: () => idb.get(STORE, KEY),
    async save(header: LockHeader) {
      const tx = idb.transaction(STORE, 'readwrite');
      await Promise.all([tx.store.put(header, KEY), tx.done]);
    },
    async remove() {
      const tx = idb.transaction(STORE, 'readwrite');
      await Promise.all([tx.store.delete(KEY), tx.done]);
    },
  };
}
