/**
 * The load API over fetch (reference/ff2api-original.md §4.8): `api_key` configurations trade
 * their key for an access token at `POST {base}/token/refresh` (once, and again after a 401);
 * `bearer_token` ones send their token as is. Loads go to `POST {base}/v2/loads` with a 30 s
 * timeout and, where the API lets a browser send it (./idempotency-key-support.ts), an
 * `Idempotency-Key` header, so an API that honours keys creates a load once even when a POST is
 * repeated. Credentials appear only in request headers and bodies: never in a message, detail or
 * log line (any echo of a secret in an answer is masked). Every request goes through
 * credentialedFetch: to a checked address, never onward through a redirect.
 */
import { credentialedFetch, type RequestFailure } from './credentialed-fetch';
import { sendWithKeyWhereAccepted, type IdempotencyKeySupport } from './idempotency-key-support';

/** How long one request may take before it counts as timed out. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface LoadApiAuth {
  authType: 'api_key' | 'bearer_token';
  baseUrl: string;
  apiKey: string | null;
  bearerToken: string | null;
}

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

/** A connection test's outcome; `idempotencyKey` says what it found out about that header, if anything. */
export type ConnectionCheck = { ok: boolean; message: string; idempotencyKey?: IdempotencyKeySupport };

const MESSAGES = {
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

/**
 * A load API session for one configuration; it keeps the access token between loads and what it
 * learns about the Idempotency-Key header (`knownKeySupport`: what an earlier session found out).
 */
export function createLoadApiSession(
  auth: LoadApiAuth,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = REQUEST_TIMEOUT_MS,
  knownKeySupport: IdempotencyKeySupport = 'unknown',
) {
  const base = auth.baseUrl.trim().replace(/\/+$/u, '');
  const secrets = [auth.apiKey, auth.bearerToken].filter((secret): secret is string =>
    Boolean(secret && secret.length >= 4),
  );
  const mask = (text: string) => secrets.reduce((masked, secret) => masked.split(secret).join('•••'), text);
  let accessToken: string | null = auth.authType === 'bearer_token' ? auth.bearerToken : null;
  let keySupport = knownKeySupport;

  const request = (path: string, init: RequestInit): Promise<Response | RequestFailure> =>
    credentialedFetch(`${base}${path}`, init, { timeoutMs, fetchImpl });
  const failureMessage = (answer: RequestFailure) => mask(describeFailure(answer, base));

  /** POSTs the API key to the token endpoint (with an Idempotency-Key only to find out whether it may be sent). */
  const requestRefresh = (withKey: boolean) =>
    request('/token/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(withKey ? { 'Idempotency-Key': crypto.randomUUID() } : {}) },
      body: JSON.stringify({ refreshToken: auth.apiKey }),
    });

  /** Trades the API key for an access token; a message when refused or unreachable. */
  const refresh = async (sent?: Response | RequestFailure): Promise<{ token: string } | { message: string }> => {
    if (auth.authType !== 'api_key' || !auth.apiKey) return { message: MESSAGES.refreshFailed };
    const answer = sent ?? (await requestRefresh(false));
    if ('failure' in answer) return { message: failureMessage(answer) };
    const json = await readJson(answer);
    const token =
      json && typeof json === 'object' && 'accessToken' in json ? (json as { accessToken: unknown }).accessToken : null;
    if (!answer.ok || typeof token !== 'string' || token === '') return { message: MESSAGES.refreshFailed };
    accessToken = token;
    return { token };
  };

  /** POSTs one load, with its Idempotency-Key where the API accepts the header. */
  const post = async (body: string, idempotencyKey: string, token: string) => {
    const sent = await sendWithKeyWhereAccepted(keySupport, (withKey) =>
      request('/v2/loads', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          ...(withKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        body,
      }),
    );
    keySupport = sent.support;
    return sent.answer;
  };

  return {
    /** Sends one load (refreshing the token first, and once more after a 401, for API key auth). */
    async postLoad(body: string, idempotencyKey: string): Promise<LoadPostOutcome> {
      if (accessToken === null) {
        const refreshed = await refresh();
        if ('message' in refreshed) return { kind: 'unauthorized', status: 401, message: refreshed.message };
      }
      let answer = await post(body, idempotencyKey, accessToken ?? '');
      if (!('failure' in answer) && answer.status === 401 && auth.authType === 'api_key') {
        const refreshed = await refresh();
        if ('message' in refreshed) return { kind: 'unauthorized', status: 401, message: refreshed.message };
        answer = await post(body, idempotencyKey, refreshed.token);
      }
      return classify(answer, base, mask);
    },

    /** What this session knows about sending the Idempotency-Key header (it learns from every load). */
    idempotencyKeySupport(): IdempotencyKeySupport {
      return keySupport;
    },

    /**
     * Checks the credentials without creating anything, and finds out on the way whether the API
     * lets this page send the Idempotency-Key header (the credential call is made with it first).
     */
    async testConnection(brokerageName: string): Promise<ConnectionCheck> {
      if (auth.authType === 'api_key') {
        const sent = auth.apiKey ? await sendWithKeyWhereAccepted('unknown', requestRefresh) : null;
        const refreshed = await refresh(sent?.answer);
        if ('message' in refreshed) return { ok: false, message: mask(refreshed.message) };
        return connected(sent?.support ?? 'unknown');
      }
      const key = encodeURIComponent(brokerageKeyOf(brokerageName));
      const sent = await sendWithKeyWhereAccepted('unknown', (withKey) =>
        request(`/token?brokerageKey=${key}`, {
          method: 'GET',
          headers: {
            Authorization: `Bearer ${auth.bearerToken ?? ''}`,
            ...(withKey ? { 'Idempotency-Key': crypto.randomUUID() } : {}),
          },
        }),
      );
      const answer = sent.answer;
      if ('failure' in answer) return { ok: false, message: failureMessage(answer) };
      if (answer.ok) return connected(sent.support);
      const detail = mask(await readDetail(answer));
      return {
        ok: false,
        message: answer.status === 401 ? MESSAGES.unauthorized(detail) : MESSAGES.other(answer.status, detail),
      };
    },
  };

  /** A successful check, saying what was found out about the Idempotency-Key header. */
  function connected(support: IdempotencyKeySupport): ConnectionCheck {
    keySupport = support === 'unknown' ? keySupport : support;
    const note = support === 'accepted' ? MESSAGES.keyAccepted : support === 'refused' ? MESSAGES.keyRefused : '';
    return {
      ok: true,
      message: `${MESSAGES.connected}${note}`,
      ...(support === 'unknown' ? {} : { idempotencyKey: support }),
    };
  }
}

export type LoadApiSession = ReturnType<typeof createLoadApiSession>;

/** The brokerage key the API expects: the name in lower case, spaces and `_` as `-`. */
export function brokerageKeyOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-');
}

/** Turns an answer (or its absence) into what the sender does next. */
async function classify(
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
function describeFailure(answer: RequestFailure, base: string): string {
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

/** The load number an answer names (`loadNumber`, `load.loadNumber` or `id`), or null. */
function loadNumberIn(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const record = json as Record<string, unknown>;
  const nested =
    record.load && typeof record.load === 'object' ? (record.load as Record<string, unknown>).loadNumber : undefined;
  const value = record.loadNumber ?? nested ?? record.id;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** The API's own words about a refusal (`message`, `error`, `errors`), short. */
async function readDetail(answer: Response): Promise<string> {
  const text = await answer.text().catch(() => '');
  let detail = text;
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      const found = record.message ?? record.error ?? record.errors ?? record.detail;
      detail = typeof found === 'string' ? found : JSON.stringify(found ?? json);
    }
  } catch {
    // plain text
  }
  detail = detail.replace(/\s+/gu, ' ').trim();
  return detail.length > 300 ? `${detail.slice(0, 297)}…` : detail;
}

/** An answer's JSON body, or null. */
async function readJson(answer: Response): Promise<unknown> {
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
