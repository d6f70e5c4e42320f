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
import {
  classify,
  describeFailure,
  LOAD_API_MESSAGES as MESSAGES,
  readDetail,
  readJson,
  type LoadPostOutcome,
} from './load-api-answers';
import { tokenIn } from './load-api-schemas';

export { retryAfterOf, type LoadPostOutcome } from './load-api-answers';

/** How long one request may take before it counts as timed out. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface LoadApiAuth {
  authType: 'api_key' | 'bearer_token';
  baseUrl: string;
  apiKey: string | null;
  bearerToken: string | null;
}

/** A connection test's outcome; `idempotencyKey` says what it found out about that header, if anything. */
export type ConnectionCheck = { ok: boolean; message: string; idempotencyKey?: IdempotencyKeySupport };

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
    const token = tokenIn(await readJson(answer));
    if (!answer.ok || token === null) return { message: MESSAGES.refreshFailed };
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
