import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEND_OPTIONS, runSendLoop, type SendAttempt } from '../../src/core/csv/send-loop';

/**
 * The sending loop's law: whatever the API answers (429s, 5xx, time-outs, refusals) and whenever
 * the user cancels, every claimed row ends exactly once — recorded as done, or given back as
 * never started — and no row is claimed twice.
 */
type Answer = 'ok' | 'rejected' | '429' | '503' | 'timeout';

async function simulate(rows: number, answers: Answer[], concurrency: number, cancelAfter: number | null) {
  const claimed: number[] = [];
  const doneRows: number[] = [];
  let next = 1;
  let answerIndex = 0;
  let clock = 0;
  const result = await runSendLoop(
    {
      claim: async (max) => {
        const batch: number[] = [];
        while (batch.length < max && next <= rows) batch.push(next++);
        claimed.push(...batch);
        return batch;
      },
      send: async (row, _attempt, isLast): Promise<SendAttempt> => {
        clock += 1;
        const answer = answers[answerIndex++ % Math.max(1, answers.length)] ?? 'ok';
        if (answer === 'ok' || answer === 'rejected') {
          doneRows.push(row);
          return { kind: 'done', sent: answer === 'ok' };
        }
        if (isLast) {
          doneRows.push(row);
          return { kind: 'done', sent: false };
        }
        return {
          kind: 'retry',
          reason: answer === '429' ? 'rate-limited' : answer === '503' ? 'server-error' : 'timeout',
          retryAfterMs: answer === '429' ? 0 : null,
        };
      },
      sleep: async (ms) => {
        clock += ms;
      },
      now: () => clock,
      isCancelled: () => cancelAfter !== null && doneRows.length >= cancelAfter,
      onProgress: () => undefined,
    },
    { ...DEFAULT_SEND_OPTIONS, concurrency, total: rows, maxRateLimitWaits: 5 },
  );
  return { result, claimed, doneRows };
}

describe('the sending loop', () => {
  it('ends every claimed row exactly once, whatever the answers and the cancel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.constantFrom<Answer>('ok', 'ok', 'ok', 'rejected', '429', '503', 'timeout'), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 8 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
        async (rows, answers, concurrency, cancelAfter) => {
          const { result, claimed, doneRows } = await simulate(rows, answers, concurrency, cancelAfter);
          expect(new Set(claimed).size).toBe(claimed.length);
          expect(new Set(doneRows).size).toBe(doneRows.length);
          const ended = [...doneRows, ...result.unstarted].sort((a, b) => a - b);
          expect(ended).toEqual([...claimed].sort((a, b) => a - b));
          if (result.ended === 'finished') expect(doneRows.length).toBe(rows);
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it('stops on a refusal of the credentials and gives the unrecorded row back', async () => {
    const left = [1, 2, 3];
    const result = await runSendLoop(
      {
        claim: async (max) => left.splice(0, max),
        send: async () => ({ kind: 'stop', message: 'Token refresh failed.', recorded: false }),
        sleep: async () => undefined,
        now: () => 0,
        isCancelled: () => false,
        onProgress: () => undefined,
      },
      { ...DEFAULT_SEND_OPTIONS, concurrency: 1, total: 3 },
    );
    expect(result).toMatchObject({
      ended: 'stopped',
      stopMessage: 'Token refresh failed.',
      unrecorded: [1],
      unstarted: [2, 3],
    });
  });
});
