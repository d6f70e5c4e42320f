/**
 * Stores the database file in IndexedDB (database "ff2api-web"):
 * - object store "database", key "live": { bytes, generation, savedAt } — the live database; above
 *   64 MiB the file is kept as { parts, byteLength, generation, savedAt } instead, `parts` being
 *   Blobs of at most 64 MiB each. Chromium refuses one IndexedDB value of more than 127 MiB
 *   ("The serialized keys and/or value are too large", measured: a 200 MB Uint8Array), and a
 *   single Blob of 500 MB stores but cannot be read back (NotReadableError); 64 MiB parts of a
 *   1 GB file store in 2.2 s and read back in 2.9 s. Still one record and one put, so a save
 *   stays atomic: the whole new file with its generation, or nothing;
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
import type { DatabaseStore, DatabaseWrite, SaveOutcome, StoredDatabase } from '../worker/engine/database-store';

const IDB_NAME = 'ff2api-web';
const IDB_VERSION = 2;
const LIVE_KEY = 'live';

const MESSAGES = {
  saveFailed:
    'Your latest change could not be saved in this browser’s storage. It is kept in this tab, and saving is tried again every few seconds; download a backup now to be safe, and do not close this tab until it says saved.',
  storageFull:
    'Browser storage is full, so your latest change could not be saved. It is kept in this tab, and saving is tried again every few seconds; download a backup now, then free some space (other sites’ data, old downloads).',
};

/** Files up to this size are one Uint8Array (as before parts existed); larger ones are Blob parts of this size. */
export const DATABASE_PART_BYTES = 64 * 1024 * 1024;

/** A database file as stored: whole, or in parts (see the note at the top). */
type StoredFile = { bytes: Uint8Array } | { parts: Blob[]; byteLength: number };

interface Ff2apiSchema extends DBSchema {
  database: { key: string; value: StoredFile & { generation: number; savedAt: string } };
  generation: { key: string; value: { generation: number } };
  snapshots: { key: string; value: StoredFile & { takenAt: string; label: string; reason?: string } };
}

/** Opens the IndexedDB store (or creates it on first use); `partBytes` is for tests of the parts. */
export async function openIdbDatabaseStore(name = IDB_NAME, partBytes = DATABASE_PART_BYTES): Promise<DatabaseStore> {
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
  return new IdbDatabaseStore(idb, partBytes);
}

class IdbDatabaseStore implements DatabaseStore {
  constructor(
    private readonly idb: IDBPDatabase<Ff2apiSchema>,
    private readonly partBytes: number,
  ) {}

  /**
   * The stored file with the generation a save will compare against: the "generation" record's,
   * not the file record's. They are written in one transaction, yet Chromium 150 was seen
   * committing the file record without the generation record when the worker was killed during
   * the commit (tests/e2e/faults.spec.ts, 2 runs in 12): the file said 3, the generation 2. Had
   * load reported the file's 3, every save after it would have been refused as "another tab saved
   * newer data", in every tab and after every reload. Reporting the compared number, the next
   * save writes both records again and they agree from then on.
   */
  async load(): Promise<StoredDatabase | null> {
    const tx = this.idb.transaction(['database', 'generation'], 'readonly');
    const [stored, compared] = await Promise.all([
      tx.objectStore('database').get(LIVE_KEY),
      tx.objectStore('generation').get(LIVE_KEY),
      tx.done,
    ]);
    if (!stored) return null;
    // The parts are read after the transaction ended: a Blob read back stays readable.
    return {
      bytes: await joinFile(stored),
      generation: compared?.generation ?? stored.generation,
      savedAt: stored.savedAt,
    };
  }

  async quarantine(bytes: Uint8Array, reason: string, at: string): Promise<void> {
    await this.idb.put(
      'snapshots',
      { ...splitFile(bytes, this.partBytes), takenAt: at, label: 'unreadable database', reason },
      `unreadable-${at}`,
    );
  }

  async save(write: DatabaseWrite): Promise<SaveOutcome> {
    try {
      const file = splitFile(write.bytes, this.partBytes);
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
      // auto-commit half done. (The parts were cut before it, synchronously: a Blob is built at once.)
      await Promise.all([
        live.put({ ...file, generation, savedAt: write.savedAt }, LIVE_KEY),
        generations.put({ generation }, LIVE_KEY),
        tx.done,
      ]);
      return { ok: true, generation };
    } catch (error) {
      const isQuota = error instanceof DOMException && error.name === 'QuotaExceededError';
      return {
        ok: false,
        conflict: false,
        error: {
          code: 'save-failed',
          message: isQuota ? MESSAGES.storageFull : MESSAGES.saveFailed,
          detail: describeThrown(error),
        },
      };
    }
  }
}

/** The file as it is stored: whole up to `partBytes`, else Blob parts (each copies only its range). */
function splitFile(bytes: Uint8Array, partBytes: number): StoredFile {
  if (bytes.byteLength <= partBytes) return { bytes };
  const parts: Blob[] = [];
  for (let start = 0; start < bytes.byteLength; start += partBytes)
    parts.push(new Blob([bytes.subarray(start, start + partBytes) as Uint8Array<ArrayBuffer>]));
  return { parts, byteLength: bytes.byteLength };
}

/** The file's bytes from a stored record of either form. */
async function joinFile(stored: StoredFile): Promise<Uint8Array> {
  if ('bytes' in stored) return asBytes(stored.bytes);
  const bytes = new Uint8Array(stored.byteLength);
  let offset = 0;
  for (const part of stored.parts) {
    const piece = new Uint8Array(await part.arrayBuffer());
    if (offset + piece.byteLength > bytes.byteLength)
      throw new Error('The stored database parts are longer than recorded');
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  if (offset !== bytes.byteLength)
    throw new Error(`The stored database parts hold ${offset} bytes, ${bytes.byteLength} recorded`);
  return bytes;
}

// Bytes read back from some IndexedDB implementations fail `instanceof Uint8Array` across realms.
function asBytes(value: Uint8Array): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array((value as ArrayBufferView).buffer);
}
