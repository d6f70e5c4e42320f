/**
 * Whether a load API lets this page send the `Idempotency-Key` header. Many APIs allow only
 * `Authorization` and `Content-Type` from browsers: their CORS preflight refuses any other header,
 * and the browser then refuses the request before it leaves — no answer at all, exactly like a
 * network failure. The header is worth sending where it is accepted (an API that honours keys
 * creates a repeated load once); where it is not, loads go without it, and the app's own record
 * of each load (claimed before its POST) still sends every load once from this side.
 */

import type { IdempotencyKeySupport } from '../core/db/load-api-facts';

/** What is known about an API and the header: found out once, then remembered per configuration. */
export type { IdempotencyKeySupport };

/** No usable answer: a network failure (a refused preflight looks exactly so), a time-out, a redirect not followed. */
export interface NoAnswer {
  failure: string;
}

/**
 * Makes a request with the header where the API may accept it. While that is unknown, a request
 * that got no answer because of the network (a refused preflight looks exactly so; a time-out
 * does not) is made once more without the header: an answer then means the API refuses the
 * header, another network failure means the network is at fault. Any answer to a request with
 * the header means the API accepts it. A refused preflight means the first request never left
 * the browser, so the second one is the load's only POST.
 */
export async function sendWithKeyWhereAccepted<R extends object>(
  support: IdempotencyKeySupport,
  attempt: (withKey: boolean) => Promise<R>,
): Promise<{ answer: R; support: IdempotencyKeySupport }> {
  if (support === 'refused') return { answer: await attempt(false), support };
  const withKey = await attempt(true);
  if (!isNoAnswer(withKey)) return { answer: withKey, support: 'accepted' };
  if (support === 'accepted' || withKey.failure !== 'network') return { answer: withKey, support };
  const without = await attempt(false);
  return { answer: without, support: isNoAnswer(without) ? 'unknown' : 'refused' };
}

/** Whether a request got no usable answer. */
export function isNoAnswer(answer: object): answer is NoAnswer {
  return 'failure' in answer;
}
