/**
 * Stores the app lock's header in its own IndexedDB database "ff2api-web-lock" (object store
 * "lock", key "header"): salt, iteration count, phase and the wrapped data keys — no secret
 * usable without the passphrase — and the times of failed unlocks not yet in the audit trail.
 * Kept apart from the data so that the database's own store (and its upgrades) need not know
 * about the lock. Writes resolve after `tx.done` (committed).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { LockHeader } from '../core/lock/lock-header';
import type { LockHeaderStore } from '../worker/lock/lock-header-store';

const IDB_NAME = 'ff2api-web-lock';
const STORE = 'lock';
const KEY = 'header';
const FAILED_UNLOCKS_KEY = 'failed-unlocks';
/** At most this many failed unlocks are kept (a script guessing passphrases must not fill the disk). */
const MAX_FAILED_UNLOCKS = 200;

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
    async noteFailedUnlock(at: string) {
      const tx = idb.transaction(STORE, 'readwrite');
      const kept = timesOf(await tx.store.get(FAILED_UNLOCKS_KEY));
      await Promise.all([tx.store.put([...kept, at].slice(-MAX_FAILED_UNLOCKS), FAILED_UNLOCKS_KEY), tx.done]);
    },
    async takeFailedUnlocks() {
      const tx = idb.transaction(STORE, 'readwrite');
      const kept = timesOf(await tx.store.get(FAILED_UNLOCKS_KEY));
      await Promise.all([tx.store.delete(FAILED_UNLOCKS_KEY), tx.done]);
      return kept;
    },
  };
}

/** The stored list of failed-unlock times; anything else reads as none. */
function timesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
