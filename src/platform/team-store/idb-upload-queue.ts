/**
 * The team store's waiting copies in their own IndexedDB database, "ff2api-web-team-uploads",
 * apart from the live database and the snapshots: object store "jobs" (key = job id: the job's
 * record, see worker/team-store/upload-queue-store.ts) and "files" (key = job id: the backup file
 * as a Blob, sealed by the app lock when it is on). Success only after `tx.done`, as for snapshots.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { describeThrown } from '../../core/result';
import { storeUploadJobSchema } from '../../worker/team-store/upload-job-schema';
import {
  memoryUploadQueue,
  type QueueOutcome,
  type StoreUploadJob,
  type UploadQueueStore,
} from '../../worker/team-store/upload-queue-store';

export const UPLOAD_QUEUE_IDB_NAME = 'ff2api-web-team-uploads';

const MESSAGES = {
  storageFull:
    'Browser storage is full, so the copy for the team store could not be kept here for a later try. The local ' +
    'backup is unchanged. Free disk space or delete old snapshots.',
  failed:
    'The copy for the team store could not be kept in this browser for a later try. The local backup is unchanged.',
};

interface UploadSchema extends DBSchema {
  jobs: { key: string; value: StoreUploadJob };
  files: { key: string; value: Blob };
}

type StoreName = 'jobs' | 'files';
type WriteTransaction = IDBPTransaction<UploadSchema, StoreName[], 'readwrite'>;

/** The queue in IndexedDB, or — when it cannot be opened — in memory for this session. */
export async function openUploadQueueOrMemory(name = UPLOAD_QUEUE_IDB_NAME): Promise<UploadQueueStore> {
  try {
    return await openIdbUploadQueue(name);
  } catch {
    return memoryUploadQueue();
  }
}

export async function openIdbUploadQueue(name = UPLOAD_QUEUE_IDB_NAME): Promise<UploadQueueStore> {
  const idb = await openDB<UploadSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('jobs');
      db.createObjectStore('files');
    },
    blocking() {
      idb.close();
    },
  });
  return new IdbUploadQueue(idb);
}

class IdbUploadQueue implements UploadQueueStore {
  constructor(private readonly idb: IDBPDatabase<UploadSchema>) {}

  async list(): Promise<StoreUploadJob[]> {
    const all: unknown[] = await this.idb.getAll('jobs');
    return all.flatMap((record) => {
      const parsed = storeUploadJobSchema.safeParse(record);
      return parsed.success ? [parsed.data] : [];
    });
  }

  add(job: StoreUploadJob, file: Blob): Promise<QueueOutcome> {
    return this.run(['jobs', 'files'], (tx) => [
      tx.objectStore('files').put(file, job.id),
      tx.objectStore('jobs').put(job, job.id),
    ]);
  }

  update(job: StoreUploadJob): Promise<QueueOutcome> {
    return this.run(['jobs'], (tx) => [tx.objectStore('jobs').put(job, job.id)]);
  }

  async readFile(id: string): Promise<Blob | null> {
    const stored: unknown = await this.idb.get('files', id);
    return isBlobLike(stored) ? stored : null;
  }

  remove(ids: readonly string[]): Promise<QueueOutcome> {
    return this.run(['jobs', 'files'], (tx) =>
      ids.flatMap((id) => [tx.objectStore('jobs').delete(id), tx.objectStore('files').delete(id)]),
    );
  }

  private async run(stores: StoreName[], work: (tx: WriteTransaction) => Promise<unknown>[]): Promise<QueueOutcome> {
    try {
      const tx = this.idb.transaction(stores, 'readwrite');
      await Promise.all([...work(tx), tx.done]);
      return { ok: true };
    } catch (error) {
      const isQuota = error instanceof DOMException && error.name === 'QuotaExceededError';
      const message = isQuota ? MESSAGES.storageFull : MESSAGES.failed;
      return {
        ok: false,
        error: { code: isQuota ? 'storage-full' : 'upload-queue-failed', message, detail: describeThrown(error) },
      };
    }
  }
}

/** A Blob, also one from another realm (tests read Node's Blobs back from fake-indexeddb). */
function isBlobLike(value: unknown): value is Blob {
  if (value instanceof Blob) return true;
  if (typeof value !== 'object' || value === null) return false;
  const blob = value as Partial<Blob>;
  return typeof blob.arrayBuffer === 'function' && typeof blob.size === 'number';
}
