import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { SnapshotStore, StoreOutcome } from '../snapshots/snapshot-store';
import type { Resealer } from './lock-gate';
import type { RecordCipher } from './record-cipher';

/**
 * At-rest encryption of snapshots, as a SnapshotStore decorator: each snapshot's compressed
 * database is sealed on the way in and opened on the way out, through the same cipher as the
 * live database, so "Lock now" makes every snapshot unreadable too. The record is bound to its
 * slot (`snapshot/<id>`), so one snapshot's bytes put in another's place are refused. Manifests
 * (times, triggers, counts, checksums, notes) stay in clear: the list
 * and the health panel need them before unlocking, and they hold no credentials.
 */

const MESSAGES = {
  resealFailed: 'A snapshot could not be re-stored in the lock’s new form.',
};

/**
 * Wraps `inner` so that snapshot bytes follow the lock held by `cipher`; also re-seals them all when the lock changes.
 */
export function sealingSnapshotStore(inner: SnapshotStore, cipher: RecordCipher): SnapshotStore & Resealer {
  const slotOf = (id: string) => `snapshot/${id}`;
  const seal = async (id: string, plain: Blob): Promise<Blob> =>
    new Blob([
      (await cipher.toStored(slotOf(id), {
        bytes: new Uint8Array(await plain.arrayBuffer()),
        metadata: { id },
      })) as BlobPart,
    ]);
  const open = async (id: string, stored: Blob): Promise<Blob> =>
    new Blob([(await cipher.fromStored(slotOf(id), new Uint8Array(await stored.arrayBuffer()), { id })) as BlobPart]);

  return {
    list: () => inner.list(),
    async add(manifest, compressed): Promise<StoreOutcome> {
      return inner.add(manifest, await seal(manifest.id, compressed));
    },
    async readBytes(id) {
      const stored = await inner.readBytes(id);
      return stored ? open(id, stored) : null;
    },
    async replaceBytes(id, plain) {
      return inner.replaceBytes(id, await seal(id, plain));
    },
    update: (manifest) => inner.update(manifest),
    remove: (ids) => inner.remove(ids),

    /** Re-stores every snapshot not yet in the form the lock's current phase writes. */
    async resealAll(): Promise<Result<void>> {
      try {
        for (const manifest of await inner.list()) {
          const stored = await inner.readBytes(manifest.id);
          if (!stored) continue;
          const bytes = new Uint8Array(await stored.arrayBuffer());
          if (cipher.isInTargetForm(bytes)) continue;
          const plain = await cipher.fromStored(slotOf(manifest.id), bytes, { id: manifest.id });
          const resealed = await inner.replaceBytes(
            manifest.id,
            new Blob([
              (await cipher.toStored(slotOf(manifest.id), { bytes: plain, metadata: { id: manifest.id } })) as BlobPart,
            ]),
          );
          if (!resealed.ok) return { ok: false, error: resealed.error };
        }
        return ok(undefined);
      } catch (error) {
        return fail('snapshot-reseal-failed', MESSAGES.resealFailed, describeThrown(error));
      }
    },
  };
}
