/**
 * Stores snapshots in their own IndexedDB database, "ff2api-web-snapshots", apart from the live
 * database (a fault in one never touches the other):
 * - object store "manifests", key = snapshot id: the manifest (see core/snapshots/manifest.ts);
 * - object store "bytes", key = snapshot id: the gzip of the SQLite file, as a Blob (IndexedDB
 *   stores a Blob faster than a Uint8Array, and reading one back costs nothing until it is read);
 * - object store "facts", key = fact name: small records the worker's features own (the undo
 *   point, the last end of day, the folder's last outcome …; see worker/engine/fact-store.ts).
 * Success is reported only after `tx.done`: when the quota runs out the put itself succeeds and
 * only the transaction aborts (docs/platform.md), so awaiting the request would lie.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { isSnapshotManifest, type SnapshotManifest } from '../core/snapshots/manifest';
import { describeThrown, ok, type Result } from '../core/result';
import type { SnapshotStore, StoreOutcome } from '../worker/snapshots/snapshot-store';
import { memoryFactStore, type FactStore } from '../worker/engine/fact-store';

export const SNAPSHOT_IDB_NAME = 'ff2api-web-snapshots';
const IDB_VERSION = 1;

const MESSAGES = {
  storageFull:
    'Browser storage is full, so the snapshot could not be stored. Your database and the earlier snapshots are unchanged. Delete old snapshots or free disk space, and download a backup now.',
  failed:
    'The snapshot store in this browser could not be written. Your database and the earlier snapshots are unchanged. Download a backup now; if it keeps failing, reload the page.',
};

interface SnapshotSchema extends DBSchema {
  manifests: { key: string; value: SnapshotManifest };
  bytes: { key: string; value: Blob };
  facts: { key: string; value: unknown };
}

type StoreName = 'manifests' | 'bytes' | 'facts';
type WriteTransaction = IDBPTransaction<SnapshotSchema, StoreName[], 'readwrite'>;

/** The snapshots and the features' small records, kept in one IndexedDB database. */
export interface SnapshotStorage {
  snapshots: SnapshotStore;
  facts: FactStore;
}

/**
 * The snapshot storage, or — when its database cannot be opened (blocked, or storage refused) —
 * snapshots that refuse every write with a clear message, and facts kept in memory for this
 * session: the app still opens, and health shows it.
 */
export async function openSnapshotStorageOrUnavailable(name = SNAPSHOT_IDB_NAME): Promise<SnapshotStorage> {
  try {
    return await openIdbSnapshotStorage(name);
  } catch (error) {
    const refused: StoreOutcome = {
      ok: false,
      error: { code: 'snapshot-store-unavailable', message: MESSAGES.failed, detail: describeThrown(error) },
    };
    const snapshots: SnapshotStore = {
      list: async () => [],
      add: async () => refused,
      readBytes: async () => null,
      replaceBytes: async () => refused,
      update: async () => refused,
      remove: async () => refused,
    };
    return { snapshots, facts: memoryFactStore() };
  }
}

/** Opens (or creates) the snapshot storage. */
export async function openIdbSnapshotStorage(name = SNAPSHOT_IDB_NAME): Promise<SnapshotStorage> {
  const idb = await openDB<SnapshotSchema>(name, IDB_VERSION, {
    upgrade(db) {
      db.createObjectStore('manifests');
      db.createObjectStore('bytes');
      db.createObjectStore('facts');
    },
    blocking() {
      idb.close();
    },
  });
  const snapshots = new IdbSnapshotStore(idb);
  return { snapshots, facts: snapshots };
}

/** A Blob, also one from another realm (jsdom tests read Node's Blobs back from fake-indexeddb). */
function isBlobLike(value: unknown): value is Blob {
  return (
    value instanceof Blob ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as Blob).arrayBuffer === 'function' &&
      typeof (value as Blob).size === 'number')
  );
}

class IdbSnapshotStore implements SnapshotStore, FactStore {
  constructor(private readonly idb: IDBPDatabase<SnapshotSchema>) {}

  async list(): Promise<SnapshotManifest[]> {
    const all: unknown[] = await this.idb.getAll('manifests');
    // A record that is not a manifest (damaged, or from a newer app) is left alone, never shown.
    return all.filter(isSnapshotManifest);
  }

  add(manifest: SnapshotManifest, compressed: Blob): Promise<StoreOutcome> {
    return this.run(['manifests', 'bytes'], (tx) => [
      tx.objectStore('bytes').put(compressed, manifest.id),
      tx.objectStore('manifests').put(manifest, manifest.id),
    ]);
  }

  async readBytes(id: string): Promise<Blob | null> {
    const stored: unknown = await this.idb.get('bytes', id);
    return isBlobLike(stored) ? stored : null;
  }

  replaceBytes(id: string, stored: Blob): Promise<StoreOutcome> {
    return this.run(['bytes'], (tx) => [tx.objectStore('bytes').put(stored, id)]);
  }

  update(manifest: SnapshotManifest): Promise<StoreOutcome> {
    return this.run(['manifests'], (tx) => [tx.objectStore('manifests').put(manifest, manifest.id)]);
  }

  remove(ids: readonly string[]): Promise<StoreOutcome> {
    return this.run(['manifests', 'bytes'], (tx) =>
      ids.flatMap((id) => [tx.objectStore('manifests').delete(id), tx.objectStore('bytes').delete(id)]),
    );
  }

  read(key: string): Promise<unknown> {
    return this.idb.get('facts', key);
  }

  async write(key: string, value: unknown): Promise<Result<void>> {
    const outcome = await this.run(['facts'], (tx) => [tx.objectStore('facts').put(value, key)]);
    return outcome.ok ? ok(undefined) : outcome;
  }

  /** One read-write transaction; only IndexedDB requests inside it, success only on commit. */
  private async run(stores: StoreName[], work: (tx: WriteTransaction) => Promise<unknown>[]): Promise<StoreOutcome> {
    try {
      const tx = this.idb.transaction(stores, 'readwrite');
      await Promise.all([...work(tx), tx.done]);
      return { ok: true };
    } catch (error) {
      const isQuota = error instanceof DOMException && error.name === 'QuotaExceededError';
      return {
        ok: false,
        error: {
          code: isQuota ? 'storage-full' : 'snapshot-store-failed',
          message: isQuota ? MESSAGES.storageFull : MESSAGES.failed,
          detail: describeThrown(error),
        },
      };
    }
  }
}
