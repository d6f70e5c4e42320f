import { isSealedRecord } from '../../core/lock/sealed-record';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { UploadQueueStore } from '../team-store/upload-queue-store';
import type { Resealer } from './lock-gate';
import type { RecordCipher } from './record-cipher';

/**
 * At-rest encryption of the team store's waiting copies, as a decorator of their store: each
 * backup file is sealed on the way in and opened on the way out through the same cipher as the
 * live database and the snapshots, so a file holding API keys in plain text never lies readable
 * in IndexedDB while the lock is on, and "Lock now" makes it unreadable. Bound to its slot
 * (`team-upload/<id>`); the jobs' records (times, file names, attempts) stay in clear.
 */

const MESSAGES = {
  resealFailed: 'A copy waiting for the team store could not be re-stored in the lock’s new form.',
};

/** The head of a stored file: enough to tell a sealed record from a backup file. */
const HEAD_BYTES = 16;

export function sealingUploadQueue(inner: UploadQueueStore, cipher: RecordCipher): UploadQueueStore & Resealer {
  const slotOf = (id: string) => `team-upload/${id}`;
  const seal = async (id: string, plain: Blob): Promise<Blob> => {
    // With the lock off the file is kept as it is: no copy of a large file through memory.
    if (!cipher.policy.seals) return plain;
    const bytes = new Uint8Array(await plain.arrayBuffer());
    return new Blob([(await cipher.toStored(slotOf(id), { bytes, metadata: { id } })) as BlobPart]);
  };
  const open = async (id: string, stored: Blob): Promise<Blob> => {
    const head = new Uint8Array(await stored.slice(0, HEAD_BYTES).arrayBuffer());
    if (!isSealedRecord(head) && cipher.policy.acceptsPlain) return stored;
    const bytes = new Uint8Array(await stored.arrayBuffer());
    return new Blob([(await cipher.fromStored(slotOf(id), bytes, { id })) as BlobPart]);
  };

  return {
    list: () => inner.list(),
    async add(job, file) {
      return inner.add(job, await seal(job.id, file));
    },
    update: (job) => inner.update(job),
    async readFile(id) {
      const stored = await inner.readFile(id);
      return stored ? open(id, stored) : null;
    },
    remove: (ids) => inner.remove(ids),

    /** Re-stores every waiting file not yet in the form the lock's current phase writes. */
    async resealAll(): Promise<Result<void>> {
      try {
        for (const job of await inner.list()) {
          const stored = await inner.readFile(job.id);
          if (!stored) continue;
          const bytes = new Uint8Array(await stored.arrayBuffer());
          if (cipher.isInTargetForm(bytes)) continue;
          const plain = await cipher.fromStored(slotOf(job.id), bytes, { id: job.id });
          const resealed = await inner.add(job, await seal(job.id, new Blob([plain as BlobPart])));
          if (!resealed.ok) return { ok: false, error: resealed.error };
        }
        return ok(undefined);
      } catch (error) {
        return fail('upload-reseal-failed', MESSAGES.resealFailed, describeThrown(error));
      }
    },
  };
}
