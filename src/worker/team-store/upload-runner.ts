import type { SqlJsStatic } from '../../core/db/sql-types';
import type { Clock } from '../../core/clock';
import { newObjectId, objectKey } from '../../core/team-store/object-names';
import { storeError, type StoreError } from '../../core/team-store/store-errors';
import type { StoreBackupKind } from '../../core/team-store/store-retention';
import { afterFailure, afterSuccess, dueUploads, queueUpload, storeIsBack } from '../../core/team-store/upload-queue';
import type { BackupReceipt } from '../backup-files/backup-file-types';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import { recordCheckedCopy } from './checked-copy';
import { sha256Hex } from './file-digest';
import type { StoreAccess } from './store-access';
import { updateHealth, withFailure, type StoreRecords } from './store-records';
import type { StoreCopyOutcome } from './team-store-types';
import type { StoreUploadJob, UploadQueueStore } from './upload-queue-store';

/**
 * The copies for the store: each backup file is kept (sealed under the app lock) with its job
 * before anything is sent, then tried at once; a failure waits by the core's back-off policy and
 * is tried again on the page's minute tick, at the next start, and as soon as the store answers
 * again. One attempt at a time in this worker, and one tab at a time (`runExclusive`).
 */

export interface UploadRunnerDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  operator: Operator;
  access: StoreAccess;
  uploads: UploadQueueStore;
  records: StoreRecords;
  /** Runs `work` while no other tab runs uploads (Web Locks in the browser). */
  runExclusive: <T>(work: () => Promise<T>) => Promise<T>;
  random: () => number;
}

/** What a run of the waiting copies did: how many were tried, how many read back and checked. */
export interface UploadRun {
  attempted: number;
  checked: number;
}

type Attempt = { ok: true; retention: string | null } | { ok: false; job: StoreUploadJob | null; error: StoreError };

const MAX_ATTEMPTS_PER_RUN = 20;
const LOST_FILE = 'The waiting copy is no longer in this browser’s storage, so it cannot be sent. Make a new backup.';

export class UploadRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: UploadRunnerDeps) {}

  /** Keeps a backup file for the store and tries it at once; never throws, never blocks the local file. */
  async send(file: { blob: Blob; receipt: BackupReceipt }, backupKind: StoreBackupKind): Promise<StoreCopyOutcome> {
    const row = this.deps.access.row();
    if (!row?.connection) return { state: 'not-connected' };
    const { receipt, blob } = file;
    const objectId = newObjectId();
    const key = objectKey(row.connection.prefix, { kind: 'backup', deviceId: row.identity.deviceId, objectId });
    const job: StoreUploadJob = {
      ...queueUpload(objectId, key, this.deps.clock.now()),
      objectId,
      createdAt: receipt.createdAt,
      details: {
        backupKind,
        fileName: receipt.fileName,
        checksum: receipt.checksum,
        sha256: await sha256Hex(blob),
        sizeBytes: blob.size,
        counts: receipt.counts,
        secrets: receipt.secrets,
      },
    };
    const kept = await this.deps.uploads.add(job, blob);
    const attempt = await this.exclusive(() => this.attempt(job, blob));
    if (attempt.ok) return { state: 'checked', retention: attempt.retention };
    if (!kept.ok && attempt.job) await this.deps.uploads.remove([job.id]);
    const { message, detail } = attempt.error;
    return {
      state: 'waiting',
      message,
      ...(detail ? { detail } : {}),
      nextAttemptAt: kept.ok ? (attempt.job?.nextAttemptAt ?? null) : null,
      isKept: kept.ok,
    };
  }

  /** Tries the copies that are due; stops early while the store does not answer. */
  runDue(): Promise<UploadRun> {
    const idle: UploadRun = { attempted: 0, checked: 0 };
    if (!this.deps.access.isConnected()) return Promise.resolve(idle);
    return this.exclusive(async () => {
      const run = { ...idle };
      for (; run.attempted < MAX_ATTEMPTS_PER_RUN; run.attempted++) {
        const [next] = dueUploads(await this.deps.uploads.list(), this.deps.clock.now());
        if (!next) break;
        const attempt = await this.attempt(next, null);
        if (attempt.ok) run.checked++;
        else if (attempt.error.code === 'unreachable' || attempt.error.code === 'throttled') {
          run.attempted++;
          break;
        }
      }
      return run;
    });
  }

  /** The store may be back (the browser came online, or a person asked): everything waiting is due now. */
  async retryNow(): Promise<UploadRun> {
    await this.markAllDue();
    return this.runDue();
  }

  private async attempt(job: StoreUploadJob, given: Blob | null): Promise<Attempt> {
    const { uploads, clock, records } = this.deps;
    const file = given ?? (await uploads.readFile(job.id));
    if (!file) {
      await uploads.remove([job.id]);
      return { ok: false, job: null, error: { ...storeError('server', `no file for ${job.id}`), message: LOST_FILE } };
    }
    const access = await this.deps.access.session();
    if (!access.ok) {
      return this.failed(job, { ...storeError('server', access.error.detail ?? ''), message: access.error.message });
    }
    const { session, headers, ops } = access.value;
    const result = await ops.uploadAndCheck(session, this.deps.SQL, job, file, () => clock.now());
    if (!result.ok) return this.failed(job, result.error);
    const now = clock.now();
    await uploads.remove([afterSuccess(job).id]);
    const earlier = (await records.ownCopies.read()) ?? [];
    const copies = [...earlier, { key: result.key, createdAt: job.createdAt, checkedAt: now.toISOString() }];
    const retention = await ops.runRetentionPass(session, headers, copies, now);
    await recordCheckedCopy(this.deps, job, result.key, now.toISOString(), retention.ok ? retention.report : null);
    await this.markAllDue();
    return { ok: true, retention: retention.ok ? retention.report.summary : null };
  }

  /** Records a failed attempt: the job waits by the back-off policy, health keeps the failure. */
  private async failed(job: StoreUploadJob, error: StoreError): Promise<Attempt> {
    const now = this.deps.clock.now();
    const next = afterFailure(job, error, now, this.deps.random());
    // A taken name (only where create-only writes are honoured) is tried again at once under a new id.
    const objectId = newObjectId();
    const retry: StoreUploadJob =
      next.state === 'abandoned'
        ? {
            ...next,
            objectId,
            key: next.key.replace(job.objectId, objectId),
            state: 'pending',
            nextAttemptAt: now.toISOString(),
          }
        : next;
    await this.deps.uploads.update(retry);
    const failure = { at: now.toISOString(), message: error.message };
    await updateHealth(this.deps.records, (health) => withFailure(health, failure, error.code === 'unreachable'));
    return { ok: false, job: retry, error };
  }

  private async markAllDue(): Promise<void> {
    const jobs = await this.deps.uploads.list();
    for (const job of storeIsBack(jobs, this.deps.clock.now())) await this.deps.uploads.update(job);
  }

  /** One attempt at a time here; across tabs, the exclusive lock. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.deps.runExclusive(work));
    this.queue = run.catch(() => undefined);
    return run;
  }
}
