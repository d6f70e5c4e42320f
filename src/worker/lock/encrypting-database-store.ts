import type { DatabaseStore, DatabaseWrite, SaveOutcome, StoredDatabase } from '../engine/database-store';
import type { RecordCipher } from './record-cipher';

/**
 * At-rest encryption as a DatabaseStore decorator: the live database is sealed on the way in and
 * opened on the way out, so neither the IndexedDB store nor the live database knows about the
 * lock. Generations and times stay in clear (the store needs them to compare-and-swap) and are
 * bound into each seal, so they cannot be edited either. Snapshots (the undo point among them)
 * live in their own store, sealed by sealing-snapshot-store.ts through the same cipher.
 */

const LIVE_SLOT = 'database/live';
const QUARANTINE_SLOT = 'database/quarantine';

/** Wraps `inner` so that what it stores follows the lock held by `cipher`. */
export function encryptingDatabaseStore(inner: DatabaseStore, cipher: RecordCipher): DatabaseStore {
  return {
    async load(): Promise<StoredDatabase | null> {
      const stored = await inner.load();
      if (!stored) return null;
      return { ...stored, bytes: await cipher.fromStored(LIVE_SLOT, stored.bytes, { savedAt: stored.savedAt }) };
    },

    async save(write: DatabaseWrite): Promise<SaveOutcome> {
      const bytes = await cipher.toStored(LIVE_SLOT, { bytes: write.bytes, metadata: { savedAt: write.savedAt } });
      return inner.save({ ...write, bytes });
    },

    async quarantine(bytes: Uint8Array, reason: string, at: string): Promise<void> {
      await inner.quarantine(await cipher.toStored(QUARANTINE_SLOT, { bytes, metadata: { reason, at } }), reason, at);
    },
  };
}
