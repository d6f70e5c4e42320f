import { openUploadQueueOrMemory } from '../../platform/team-store/idb-upload-queue';
import type { UploadQueueStore } from '../team-store/upload-queue-store';
import type { Resealer } from './lock-gate';
import type { RecordCipher } from './record-cipher';
import { sealingUploadQueue } from './sealing-upload-queue';

/** The team store's waiting copies in IndexedDB, sealed by the lock (loaded once a store needs them). */
export async function openUploadQueueAtRest(cipher: RecordCipher): Promise<UploadQueueStore & Resealer> {
  return sealingUploadQueue(await openUploadQueueOrMemory(), cipher);
}
