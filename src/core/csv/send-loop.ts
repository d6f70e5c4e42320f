/**
 * The sending loop of a run, free of any platform: `concurrency` loads in flight, rows claimed in
 * batches (each claim is durable before any of its POSTs), retries with exponential backoff for
 * server errors, time-outs and network failures, a pause for everyone when the API answers 429
 * (its Retry-After honoured), and a cancel that lets the POSTs in flight finish and gives back
 * the claims never started. Timers come from `sleep`, so the page's clock drives them.
 */

/** What one attempt at one load came to, as the recorder saw it. */
export type SendAttempt =
  | { kind: 'done'; sent: boolean }
  | { kind: 'retry'; reason: 'rate-limited' | 'server-error' | 'timeout' | 'network'; retryAfterMs: number | null }
  | { kind: 'stop'; message: string; recorded: boolean };

export interface SendLoopDeps {
  /** Claims up to `max` more rows durably; [] when none are left. */
  claim(max: number): Promise<number[]>;
  /** Makes one attempt; `isLastAttempt` makes the recorder record a retryable failure as final. */
  send(row: number, attempt: number, isLastAttempt: boolean): Promise<SendAttempt>;
  sleep(ms: number): Promise<void>;
  now(): number;
  isCancelled(): boolean;
  onProgress(progress: SendProgress): void;
}

export interface SendOptions {
  concurrency: number;
  /**
   * Rows per durable claim, between these bounds: each claim asks for about three claims' worth
   * of sending time, so a slow save never stalls sending, while a closed tab leaves at most one
   * small batch uncertain.
   */
  minClaimBatch: number;
  maxClaimBatch: number;
  /** Attempts per load for server errors, time-outs and network failures. */
  maxAttempts: number;
  /** Waits for 429s per load before it counts as failed. */
  maxRateLimitWaits: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** How long to pause after a 429 without Retry-After. */
  defaultRetryAfterMs: number;
  /** Rows this pass will send (for progress). */
  total: number;
}

export interface SendProgress {
  total: number;
  sent: number;
  failed: number;
  inFlight: number;
  /** Estimated seconds left, once a few loads are done; null before. */
  secondsLeft: number | null;
  /** Set while sending waits for the API to allow more (429). */
  pausedUntil: number | null;
}

export interface SendLoopResult {
  ended: 'finished' | 'cancelled' | 'stopped';
  stopMessage: string | null;
  /** Claimed rows never POSTed (to be given back). */
  unstarted: number[];
  /** Rows whose last attempt was not recorded (stopped by an auth failure): give back too. */
  unrecorded: number[];
}

/** The defaults the Process file view uses. */
export const DEFAULT_SEND_OPTIONS: Omit<SendOptions, 'total' | 'concurrency'> = {
  minClaimBatch: 8,
  maxClaimBatch: 400,
  maxAttempts: 6,
  maxRateLimitWaits: 50,
  baseBackoffMs: 250,
  maxBackoffMs: 8000,
  defaultRetryAfterMs: 1000,
};

/** Runs the loop until every row is done, the user cancels, or the API makes going on pointless. */
export async function runSendLoop(deps: SendLoopDeps, options: SendOptions): Promise<SendLoopResult> {
  const queue: number[] = [];
  const unrecorded: number[] = [];
  let isExhausted = false;
  let claiming: Promise<void> | null = null;
  let stopMessage: string | null = null;
  let pausedUntil = 0;
  let sent = 0;
  let failed = 0;
  let inFlight = 0;
  const startedAt = deps.now();

  const report = () => {
    const done = sent + failed;
    const elapsed = (deps.now() - startedAt) / 1000;
    const secondsLeft = done >= 3 && elapsed > 0 ? Math.max(0, ((options.total - done) * elapsed) / done) : null;
    deps.onProgress({
      total: options.total,
      sent,
      failed,
      inFlight,
      secondsLeft,
      pausedUntil: pausedUntil > deps.now() ? pausedUntil : null,
    });
  };
  const shouldStop = () => stopMessage !== null || deps.isCancelled();

  let lastClaimMs = 0;
  const batchSize = (): number => {
    const elapsed = deps.now() - startedAt;
    const perMs = elapsed > 0 ? (sent + failed) / elapsed : 0;
    const wanted = Math.ceil(perMs * lastClaimMs * 3);
    return Math.min(options.maxClaimBatch, Math.max(options.minClaimBatch, options.concurrency * 2, wanted));
  };
  const refill = (): Promise<void> => {
    const claimStarted = deps.now();
    claiming ??= deps.claim(batchSize()).then(
      (rows) => {
        lastClaimMs = deps.now() - claimStarted;
        if (rows.length === 0) isExhausted = true;
        queue.push(...rows);
        claiming = null;
      },
      (error: unknown) => {
        stopMessage ??= error instanceof Error ? error.message : String(error);
        claiming = null;
      },
    );
    return claiming;
  };

  const nextRow = async (): Promise<number | null> => {
    for (;;) {
      if (shouldStop()) return null;
      // Claim ahead while loads are still in flight, so a save never stalls the sending.
      if (queue.length <= Math.max(options.concurrency, batchSize() / 2) && !isExhausted && !claiming) void refill();
      const row = queue.shift();
      if (row !== undefined) return row;
      if (isExhausted && !claiming) return null;
      await (claiming ?? refill());
    }
  };

  const sendOne = async (row: number): Promise<void> => {
    let attempt = 1;
    let rateLimitWaits = 0;
    for (;;) {
      const waitMs = pausedUntil - deps.now();
      if (waitMs > 0) await deps.sleep(waitMs);
      const isLast = attempt >= options.maxAttempts || rateLimitWaits >= options.maxRateLimitWaits;
      const outcome = await deps.send(row, attempt, isLast);
      if (outcome.kind === 'done') {
        if (outcome.sent) sent++;
        else failed++;
        return;
      }
      if (outcome.kind === 'stop') {
        stopMessage ??= outcome.message;
        if (outcome.recorded) failed++;
        else unrecorded.push(row);
        return;
      }
      if (outcome.reason === 'rate-limited') {
        rateLimitWaits++;
        pausedUntil = Math.max(pausedUntil, deps.now() + (outcome.retryAfterMs ?? options.defaultRetryAfterMs));
        report();
        continue;
      }
      const backoff = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (attempt - 1));
      await deps.sleep(Math.max(backoff, outcome.retryAfterMs ?? 0));
      attempt++;
    }
  };

  const lane = async (): Promise<void> => {
    for (;;) {
      const row = await nextRow();
      if (row === null) return;
      inFlight++;
      report();
      try {
        await sendOne(row);
      } finally {
        inFlight--;
        report();
      }
    }
  };

  report();
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
  // Lanes set `claiming`; the compiler only sees its first value here.
  const lastClaim = claiming as Promise<void> | null;
  if (lastClaim) await lastClaim;
  const unstarted = queue.splice(0);
  const ended = stopMessage !== null ? 'stopped' : deps.isCancelled() ? 'cancelled' : 'finished';
  return { ended, stopMessage, unstarted, unrecorded };
}
