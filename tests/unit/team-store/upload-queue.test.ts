import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeError } from '../../../src/core/team-store/store-errors';
import {
  afterFailure,
  afterSuccess,
  backoffMs,
  dueUploads,
  MAX_RETRY_MS,
  queueUpload,
  storeIsBack,
  summariseQueue,
} from '../../../src/core/team-store/upload-queue';

/** The upload queue's policy: back-off with jitter and a cap, what waits, what needs a person. */

const NOW = new Date('2026-12-07T10:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('upload queue policy', () => {
  it('back-off doubles from 30 s with jitter, and never passes 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(1, 0)).toBe(15_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const delay = backoffMs(n, r);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS);
        expect(delay).toBeGreaterThanOrEqual(Math.min(MAX_RETRY_MS, 30_000 * 2 ** (n - 1)) / 2);
      }),
      { seed: 20261207 },
    );
  });

  it('a failure the store may get over backs off and stays pending', () => {
    const job = afterFailure(queueUpload('a', 'k', NOW), storeError('unreachable', 'offline'), NOW, 1);
    expect(job).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: later(30_000).toISOString() });
    expect(job.lastError?.message).toMatch(/Could not reach the team store/);
  });

  it('a throttled answer waits at least as long as the store asked', () => {
    const job = afterFailure(
      queueUpload('a', 'k', NOW),
      storeError('throttled', '503', { retryAfterMs: 120_000 }),
      NOW,
      0,
    );
    expect(job.nextAttemptAt).toBe(later(120_000).toISOString());
  });

  it('a failure a person must fix needs attention, and is still tried at the longest interval', () => {
    const job = afterFailure(queueUpload('a', 'k', NOW), storeError('denied', '403'), NOW, 0.5);
    expect(job).toMatchObject({ state: 'needs-attention', nextAttemptAt: later(MAX_RETRY_MS).toISOString() });
    expect(summariseQueue([job])).toMatchObject({ waiting: 1, needsAttention: 1 });
  });

  it('a taken name is abandoned (the caller makes a new object)', () => {
    const job = afterFailure(queueUpload('a', 'k', NOW), storeError('precondition-failed', '412'), NOW, 0.5);
    expect(job).toMatchObject({ state: 'abandoned', nextAttemptAt: null });
  });

  it('what is due now, oldest first; the store being back makes everything due', () => {
    const a = afterFailure(queueUpload('a', 'ka', NOW), storeError('unreachable', ''), NOW, 1);
    const b = queueUpload('b', 'kb', later(1000));
    const done = afterSuccess(queueUpload('c', 'kc', NOW));
    expect(dueUploads([b, a, done], later(2000)).map((j) => j.id)).toEqual(['b']);
    expect(dueUploads(storeIsBack([b, a, done], later(2000)), later(2000)).map((j) => j.id)).toEqual(['a', 'b']);
  });

  it('the summary says how many wait, since when, the next try and the newest failure', () => {
    const a = afterFailure(queueUpload('a', 'ka', NOW), storeError('unreachable', ''), NOW, 1);
    const b = afterFailure(queueUpload('b', 'kb', later(5000)), storeError('server', ''), later(6000), 1);
    expect(summariseQueue([a, b, afterSuccess(queueUpload('c', 'kc', NOW))])).toEqual({
      waiting: 2,
      needsAttention: 0,
      nextAttemptAt: later(30_000).toISOString(),
      oldestWaitingSince: NOW.toISOString(),
      lastError: b.lastError,
    });
  });
});
