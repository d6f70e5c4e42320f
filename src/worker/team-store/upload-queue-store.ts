import type { AppError } from '../../core/result';
import type { BackupObjectDetails } from '../../core/team-store/backup-object';
import type { UploadJob } from '../../core/team-store/upload-queue';

/**
 * Where copies waiting for the team store are kept between sessions: each job (the core's upload
 * policy's record plus what the object's header will say) and the backup file itself. The
 * IndexedDB implementation is src/platform/team-store/idb-upload-queue.ts; the app lock seals
 * the files at rest (worker/lock/sealing-upload-queue.ts), as it does snapshots.
 */

export interface StoreUploadJob extends UploadJob {
  /** The object's id: its name is devices/<device id>/backups/<object id> under the prefix. */
  objectId: string;
  /** The backup file's time (ISO UTC): the object's createdAt, what retention counts from. */
  createdAt: string;
  details: Omit<BackupObjectDetails, 'browserName'>;
}

export type QueueOutcome = { ok: true } | { ok: false; error: AppError };

export interface UploadQueueStore {
  /** Every job, in no particular order. */
  list(): Promise<StoreUploadJob[]>;
  /** Keeps a new job and its file, both or neither. */
  add(job: StoreUploadJob, file: Blob): Promise<QueueOutcome>;
  /** Replaces a job's record (after an attempt); the file stays. */
  update(job: StoreUploadJob): Promise<QueueOutcome>;
  /** The job's file, or null when it is missing. */
  readFile(id: string): Promise<Blob | null>;
  /** Forgets jobs and their files. */
  remove(ids: readonly string[]): Promise<QueueOutcome>;
}

/** The queue in memory: tests, and a browser whose IndexedDB cannot be opened (nothing survives a reload). */
export function memoryUploadQueue(): UploadQueueStore {
  const jobs = new Map<string, StoreUploadJob>();
  const files = new Map<string, Blob>();
  const done: QueueOutcome = { ok: true };
  return {
    list: () => Promise.resolve([...jobs.values()].map((job) => structuredClone(job))),
    add: (job, file) => {
      jobs.set(job.id, structuredClone(job));
      files.set(job.id, file);
      return Promise.resolve(done);
    },
    update: (job) => {
      if (jobs.has(job.id)) jobs.set(job.id, structuredClone(job));
      return Promise.resolve(done);
    },
    readFile: (id) => Promise.resolve(files.get(id) ?? null),
    remove: (ids) => {
      for (const id of ids) {
        jobs.delete(id);
        files.delete(id);
      }
      return Promise.resolve(done);
    },
  };
}
