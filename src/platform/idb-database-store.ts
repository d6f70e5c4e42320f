/**
 * Stores the database file in IndexedDB (database "ff2api-web"):
 * - object store "database", key "live": { bytes, generation, savedAt } — the live database;
 * - object store "generation", key "live": { generation } — the same number, alone, so a save can
 *   compare generations without reading the whole database file back (40 MB at 100k rows);
 * - object store "snapshots", keys "unreadable-<time>": stored bytes that failed to open, kept for
 *   rescue. (Key "undo" held the copy kept before a restore in earlier versions; snapshots now
 *   live in their own database, src/platform/snapshot-store.ts.)
 * A save writes both stores in one transaction. Success is reported only after `tx.done` (the
 * commit), never on the request.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { describeThrown } from '../core/result';
import type { DatabaseStore, DatabaseWrite, SaveOutcome, StoredDatabase } from '../worker/database-store';

const IDB_NAME = 'ff2api-web';
const IDB_VERSION = 2;
const LIVE_KEY = 'live';

const MESSAGES = {
  saveFailed:
    'Your latest change could not be saved in this browser’s storage. It is kept in this tab, and saving is tried again every few seconds; download a backup now to be safe, and do not close this tab until it says saved.',
  storageFull:
    'Browser storage is full, so your latest change could not be saved. It is kept in this tab, and saving is tried again every few seconds; download a backup now, then free some space (other sites’ data, old downloads).',
};

interface Ff2apiSchema extends DBSchema {
  database: { key: string; value: StoredDatabase };
  generation: { key: string; value: { generation: number } };
  snapshots: { key: string; value: { bytes: Uint8Array; takenAt: string; label: string; reason?: string } };
}

/** Opens the IndexedDB store (or creates it on first use). */
export async function openIdbDatabaseStore(name = IDB_NAME): Promise<DatabaseStore> {
  const idb = await openDB<Ff2apiSchema>(name, IDB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('database');
        db.createObjectStore('snapshots');
      }
      if (oldVersion < 2) db.createObjectStore('generation');
    },
    blocking() {
      // A newer version of the app wants to upgrade the store: step aside.
      idb.close();
    },
  });
  return new IdbDatabaseStore(idb);
}

class IdbDatabaseStore implements DatabaseStore {
  constructor(private readonly idb: IDBPDatabase<Ff2apiSchema>) {}

  async load(): Promise<StoredDatabase | null> {
    const stored = await this.idb.get('database', LIVE_KEY);
    return stored ? { ...stored, bytes: asBytes(stored.bytes) } : null;
  }

  async quarantine(bytes: Uint8Array, reason: string, at: string): Promise<void> {
    await this.idb.put('snapshots', { bytes, takenAt: at, label: 'unreadable database', reason }, `unreadable-${at}`);
  }

  async save(write: DatabaseWrite): Promise<SaveOutcome> {
    try {
      const tx = this.idb.transaction(['database', 'generation'], 'readwrite');
      const live = tx.objectStore('database');
      const generations = tx.objectStore('generation');
      // Stores written before the generation record existed keep it only inside the live record.
      const storedGeneration =
        (await generations.get(LIVE_KEY))?.generation ?? (await live.get(LIVE_KEY))?.generation ?? 0;
      if (storedGeneration !== write.expectedGeneration) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return { ok: false, conflict: true, storedGeneration };
      }
      const generation = storedGeneration + 1;
      // Only IndexedDB requests are awaited inside the transaction: anything else would let it
      // auto-commit half done.
      await Promise.all([
        live.put({ bytes: write.bytes, generation, savedAt: write.savedAt }, LIVE_KEY),
        generations.put({ generation }, LIVE_KEY),
        tx.done,
      ]);
      return { ok: true, generation };
    } catch (error) {
      const isQuota = error instanceof DOMException && error.name === 'QuotaExceededError';
      return {
        ok: false,
        conflict: false,
        error: { code: 'save-failed', message: isQuota ? MESSAGES.storageFull : MESSAGES.saveFailed, detail: describeThrown(error) },
      };
    }
  }
}

// Bytes read back from some IndexedDB implementations fail `instanceof Uint8Array` across realms.
function asBytes(value: Uint8Array): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array((value as ArrayBufferView).buffer);
}
