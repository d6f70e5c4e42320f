import type { DatabaseStore, DatabaseWrite, SaveOutcome, StoredDatabase, StoredSnapshot } from '../database-store';
import type { RecordCipher } from './record-cipher';

/**
 * At-rest encryption as a DatabaseStore decorator: the live database and its undo snapshot are
 * sealed on the way in and opened on the way out, so neither the IndexedDB store nor the live
 * database knows about the lock. Generations, times and labels stay in clear (the store needs
 * them to compare-and-swap) and are bound into each seal, so they cannot be edited either.
 */

const LIVE_SLOT = 'database/live';
const UNDO_SLOT = 'database/undo-snapshot';
const QUARANTINE_SLOT = 'database/quarantine';

/** Wraps `inner` so that what it stores follows the lock held by `cipher`. */
export function encryptingDatabaseStore(inner: DatabaseStore, cipher: RecordCipher): DatabaseStore {
  return {
    async load(): Promise<StoredDatabase | null> {
      const stored = await inner.load();
      if (!stored) return null;
      return { ...stored, bytes: await cipher.fromStored(LIVE_SLOT, stored.bytes, { savedAt: stored.savedAt }) };
    },

    async loadSnapshot(): Promise<StoredSnapshot | null> {
      const stored = await inner.loadSnapshot();
      if (!stored) return null;
      return { ...stored, bytes: await cipher.fromStored(UNDO_SLOT, stored.bytes, snapshotMetadata(stored)) };
    },

    async save(write: DatabaseWrite): Promise<SaveOutcome> {
      const bytes = await cipher.toStored(LIVE_SLOT, { bytes: write.bytes, metadata: { savedAt: write.savedAt } });
      let snapshot = write.snapshot;
      // While the lock changes, a save that leaves the snapshot alone still rewrites it in the
      // new form, in the same transaction: the live copy and its snapshot never disagree.
      if (snapshot === undefined && cipher.policy.isTransitional) {
        const stored = await inner.loadSnapshot();
        if (stored && !cipher.isInTargetForm(stored.bytes)) {
          snapshot = { ...stored, bytes: await cipher.fromStored(UNDO_SLOT, stored.bytes, snapshotMetadata(stored)) };
        }
      }
      const sealedSnapshot = snapshot
        ? { ...snapshot, bytes: await cipher.toStored(UNDO_SLOT, { bytes: snapshot.bytes, metadata: snapshotMetadata(snapshot) }) }
        : snapshot;
      return inner.save({ ...write, bytes, ...(sealedSnapshot === undefined ? {} : { snapshot: sealedSnapshot }) });
    },

    async quarantine(bytes: Uint8Array, reason: string, at: string): Promise<void> {
      await inner.quarantine(await cipher.toStored(QUARANTINE_SLOT, { bytes, metadata: { reason, at } }), reason, at);
    },
  };
}

function snapshotMetadata(snapshot: StoredSnapshot): { takenAt: string; label: string } {
  return { takenAt: snapshot.takenAt, label: snapshot.label };
}
