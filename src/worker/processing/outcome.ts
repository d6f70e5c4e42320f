/** Turns one answer of the load API into what is recorded and what the sending loop does next. */
import type { SendAttempt } from '../../core/csv/send-loop';
import type { LoadOutcome } from '../../core/db/load-outcome';
import type { LoadPostOutcome } from '../../platform/load-api';

/**
 * The outcome to record (if final) and the loop's next step. A retryable failure becomes final on
 * the last attempt; a network failure then stops the run (nothing else would get through); an
 * auth refusal or a redirect stops it without recording the load (nothing was created: it stays
 * unsent) — a redirect would answer every load the same way, and is never followed.
 */
export function settleAttempt(
  answer: LoadPostOutcome,
  row: number,
  loadNumber: string | null,
  body: string,
  isLastAttempt: boolean,
): { record: LoadOutcome | null; next: SendAttempt } {
  if (answer.kind === 'created') {
    return {
      record: {
        row,
        loadNumber: answer.loadNumber ?? loadNumber,
        state: 'sent',
        statusCode: answer.status,
        message: null,
        mayHaveArrived: true,
      },
      next: { kind: 'done', sent: true },
    };
  }
  if (answer.kind === 'rejected') {
    return {
      record: {
        row,
        loadNumber,
        state: 'failed',
        statusCode: answer.status,
        message: answer.message,
        mayHaveArrived: false,
        body,
      },
      next: { kind: 'done', sent: false },
    };
  }
  if (answer.kind === 'unauthorized' || answer.kind === 'redirected') {
    return { record: null, next: { kind: 'stop', message: answer.message, recorded: false } };
  }
  if (!isLastAttempt)
    return { record: null, next: { kind: 'retry', reason: answer.reason, retryAfterMs: answer.retryAfterMs } };
  const record: LoadOutcome = {
    row,
    loadNumber,
    state: 'failed',
    statusCode: answer.status,
    message: `${answer.message} Gave up after several tries.`,
    // A 429 was not processed; a time-out, a 5xx or a broken connection may have been.
    mayHaveArrived: answer.reason !== 'rate-limited',
    body,
  };
  return answer.reason === 'network'
    ? { record, next: { kind: 'stop', message: answer.message, recorded: true } }
    : { record, next: { kind: 'done', sent: false } };
}
