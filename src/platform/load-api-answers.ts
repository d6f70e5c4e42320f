/**
 * Reading the load API's answers: what a load's answer means for the sender (created, refused,
 * retry, unauthorized, redirected), the API's own words about a refusal, `Retry-After`, and every
 * message the load API client gives people (./load-api.ts).
 */
import type { RequestFailure } from './credentialed-fetch';
import { loadNumberIn, refusalWordsIn } from './load-api-schemas';

export type LoadPostOutcome =
  | { kind: 'created'; status: number; loadNumber: string | null }
  | { kind: 'rejected'; status: number; message: string }
  | {
      kind: 'retry';
      status: number | null;
      retryAfterMs: number | null;
      reason: 'rate-limited' | 'server-error' | 'timeout' | 'network';
      message: string;
    }
  | { kind: 'unauthorized'; status: number; message: string }
  /** Nothing reached an API that would process it (a redirect not followed, an address refused). */
  | { kind: 'redirected'; message: string };

/** What the load API client tells people. */
export const LOAD_API_MESSAGES = {
  network: (origin: string) =>
    `The browser could not reach the load API at ${origin}, or the API did not allow this page to call it (CORS). Check the API base URL and the network; if both are right, the API must allow requests from this page's address.`,
  timeout: 'The load API did not answer within 30 seconds.',
  refreshFailed: 'Token refresh failed. Please check your API key.',
  unauthorized: (detail: string) =>
    `Unauthorized: the load API refused the credentials${detail ? ` (${detail})` : ''}. ` +
    'Check the API key or bearer token in the configuration.',
  forbidden: (detail: string) => `Forbidden: these credentials may not create loads${detail ? ` (${detail})` : ''}.`,
  badRequest: (detail: string) => `Bad request: ${detail || 'the API refused the load as sent'}.`,
  validation: (detail: string) => `Validation error: ${detail || 'the API refused the load’s data'}.`,
  notFound: 'Not found: the load API has no /v2/loads at this base URL. Check the API base URL.',
  rateLimited: 'The load API asked to slow down (429).',
  server: (status: number) => `The load API had a server error (${status}).`,
  other: (status: number, detail: string) => `The load API answered ${status}${detail ? `: ${detail}` : ''}.`,
  connected: 'Connected: the load API accepted the credentials.',
  keyAccepted: ' It accepts the Idempotency-Key header from this page, so a load sent twice is created once.',
  keyRefused:
    ' It does not let this page send the Idempotency-Key header (its CORS settings allow only some headers),' +
    ' so loads are sent without it; this app’s own record of each load still sends every load once.',
  redirected: (origin: string, location: string | null) =>
    `The load API at ${origin} answered with a redirect to ` +
    `${location ?? 'another address (the browser does not say which)'}. ` +
    'The app never sends a key, token or load on through a redirect, so nothing was sent there. ' +
    'Check the API base URL: if the API has moved, enter its new address (and its key) in the configuration.',
} as const;

const MESSAGES = LOAD_API_MESSAGES;

/** Turns an answer (or its absence) into what the sender does next. */
export async function classify(
  answer: Response | RequestFailure,
  base: string,
  mask: (text: string) => string,
): Promise<LoadPostOutcome> {
  if ('failure' in answer) {
    if (answer.failure === 'redirect' || answer.failure === 'address') {
      return { kind: 'redirected', message: mask(describeFailure(answer, base)) };
    }
    return answer.failure === 'timeout'
      ? { kind: 'retry', status: null, retryAfterMs: null, reason: 'timeout', message: MESSAGES.timeout }
      : {
          kind: 'retry',
          status: null,
          retryAfterMs: null,
          reason: 'network',
          message: MESSAGES.network(originOf(base)),
        };
  }
  const status = answer.status;
  if (status >= 200 && status < 300) {
    const json = await readJson(answer);
    return { kind: 'created', status, loadNumber: loadNumberIn(json) };
  }
  const detail = mask(await readDetail(answer));
  if (status === 429)
    return {
      kind: 'retry',
      status,
      retryAfterMs: retryAfterOf(answer.headers.get('Retry-After')),
      reason: 'rate-limited',
      message: MESSAGES.rateLimited,
    };
  if (status >= 500 || status === 408)
    return {
      kind: 'retry',
      status,
      retryAfterMs: retryAfterOf(answer.headers.get('Retry-After')),
      reason: 'server-error',
      message: MESSAGES.server(status),
    };
  if (status === 401) return { kind: 'unauthorized', status, message: MESSAGES.unauthorized(detail) };
  if (status === 403) return { kind: 'unauthorized', status, message: MESSAGES.forbidden(detail) };
  if (status === 400) return { kind: 'rejected', status, message: MESSAGES.badRequest(detail) };
  if (status === 422) return { kind: 'rejected', status, message: MESSAGES.validation(detail) };
  if (status === 404) return { kind: 'rejected', status, message: MESSAGES.notFound };
  return { kind: 'rejected', status, message: MESSAGES.other(status, detail) };
}

/** What a request that got no answer to use says: time-out, unreachable, redirected, refused address. */
export function describeFailure(answer: RequestFailure, base: string): string {
  if (answer.failure === 'timeout') return MESSAGES.timeout;
  if (answer.failure === 'redirect') return MESSAGES.redirected(originOf(base), answer.location);
  if (answer.failure === 'address') return answer.message;
  return MESSAGES.network(originOf(base));
}

/** `Retry-After` in seconds or as an HTTP date → milliseconds to wait; null when absent or unreadable. */
export function retryAfterOf(header: string | null, nowMs = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The API's own words about a refusal (`message`, `error`, `errors`), short. */
export async function readDetail(answer: Response): Promise<string> {
  const text = await answer.text().catch(() => '');
  let detail = text;
  try {
    const words = refusalWordsIn(JSON.parse(text));
    if (words !== undefined) detail = typeof words === 'string' ? words : JSON.stringify(words);
  } catch {
    // plain text
  }
  detail = detail.replace(/\s+/gu, ' ').trim();
  return detail.length > 300 ? `${detail.slice(0, 297)}…` : detail;
}

/** An answer's JSON body, or null. */
export async function readJson(answer: Response): Promise<unknown> {
  try {
    return await answer.json();
  } catch {
    return null;
  }
}

/** The scheme, host and port of a base URL, for messages. */
function originOf(base: string): string {
  try {
    return new URL(base).origin;
  } catch {
    return base;
  }
}
