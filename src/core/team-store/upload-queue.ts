import { isTransient, type StoreError } from './store-errors';

/**
 * The upload queue's policy, pure: when to try an upload again (exponential back-off with
 * jitter, 30 s doubling to at most 15 min, or later when the store asked for it), what is
 * waiting, what needs a person and why. The worker only carries it out; the local backup file
 * never waits for any of this.
 */

export type UploadState = 'pending' | 'needs-attention' | 'done' | 'abandoned';

export interface UploadJob {
  id: string;
  /** Where it goes (full key). */
  key: string;
  queuedAt: string;
  state: UploadState;
  attempts: number;
  /** When to try next (pending and needs-attention); null when done or abandoned. */
  nextAttemptAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
}

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 15 * 60_000;

/** A job just queued: due at once. */
export function queueUpload(id: string, key: string, now: Date): UploadJob {
  const at = now.toISOString();
  return { id, key, queuedAt: at, state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null };
}

/** The delay before attempt `attempts + 1`: half fixed, half random ("equal jitter"), capped. */
export function backoffMs(attempts: number, random: number): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

/**
 * The job after a failed attempt. Transient failures (unreachable, throttled, server) back off;
 * failures a person must fix (credentials, clock, bucket, address) wait for them but are still
 * tried at the longest interval, so a fix is picked up by itself. A name that is taken is
 * abandoned: the caller makes a new object with a new id.
 */
export function afterFailure<J extends UploadJob>(job: J, error: StoreError, now: Date, random: number): J {
  const attempts = job.attempts + 1;
  const lastError = { code: error.code, message: error.message, at: now.toISOString() };
  if (error.code === 'precondition-failed')
    return { ...job, attempts, state: 'abandoned', nextAttemptAt: null, lastError };
  const transient = isTransient(error);
  const delay = transient ? Math.max(backoffMs(attempts, random), error.retryAfterMs ?? 0) : MAX_RETRY_MS;
  return {
    ...job,
    attempts,
    state: transient ? 'pending' : 'needs-attention',
    nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
    lastError,
  };
}

export function afterSuccess<J extends UploadJob>(job: J): J {
  return { ...job, state: 'done', nextAttemptAt: null, lastError: null };
}

/** Jobs to try now, oldest first. */
export function dueUploads<J extends UploadJob>(jobs: readonly J[], now: Date): J[] {
  return jobs
    .filter(
      (j) =>
        (j.state === 'pending' || j.state === 'needs-attention') &&
        j.nextAttemptAt !== null &&
        Date.parse(j.nextAttemptAt) <= now.getTime(),
    )
    .sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt));
}

/** The store answered again (or the browser came back online): everything waiting is due at once. */
export function storeIsBack<J extends UploadJob>(jobs: readonly J[], now: Date): J[] {
  const at = now.toISOString();
  return jobs.map((j) => (j.state === 'pending' || j.state === 'needs-attention' ? { ...j, nextAttemptAt: at } : j));
}

export interface QueueSummary {
  waiting: number;
  needsAttention: number;
  /** The earliest next try, for "next try in 4 min". */
  nextAttemptAt: string | null;
  oldestWaitingSince: string | null;
  /** The newest failure's words, for the queue's line on screen. */
  lastError: UploadJob['lastError'];
}

export function summariseQueue(jobs: readonly UploadJob[]): QueueSummary {
  const open = jobs.filter((j) => j.state === 'pending' || j.state === 'needs-attention');
  const by = (times: (string | null)[], pick: (a: number, b: number) => number) => {
    const ms = times.filter((t): t is string => t !== null).map(Date.parse);
    return ms.length === 0 ? null : new Date(ms.reduce((a, b) => pick(a, b))).toISOString();
  };
  const errors = open.map((j) => j.lastError).filter((e): e is NonNullable<UploadJob['lastError']> => e !== null);
  return {
    waiting: open.length,
    needsAttention: open.filter((j) => j.state === 'needs-attention').length,
    nextAttemptAt: by(
      open.map((j) => j.nextAttemptAt),
      Math.min,
    ),
    oldestWaitingSince: by(
      open.map((j) => j.queuedAt),
      Math.min,
    ),
    lastError: errors.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0] ?? null,
  };
}
