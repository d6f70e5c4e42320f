/**
 * The one way the app sends a request that carries a credential (an API key in a body, a bearer
 * token, a signed storage request): to a checked address only, with a time limit, no cookies, no
 * cache — and never onward through a redirect. fetch's default follows a 307 or 308 with the
 * same method and body, so a key in a body would reach whatever host the answer names; the
 * browser drops `Authorization` on a cross-origin redirect, but not a body. Here a redirect is a
 * failure of its own, and nothing is sent to the address it points at.
 *
 * In a browser the redirect's target cannot be read (`redirect: 'manual'` gives an opaque answer
 * without status or headers), so `location` is known only where the fetch exposes it.
 */
import { checkCredentialUrl } from '../core/api-address';

/** Why a credentialed request got no usable answer. */
export type RequestFailure =
  | { failure: 'timeout' }
  | { failure: 'network' }
  /** The server answered with a redirect, which was not followed; where to, when readable. */
  | { failure: 'redirect'; location: string | null }
  /** The address is not one credentials may go to (see core/api-address.ts); nothing was sent. */
  | { failure: 'address'; message: string };

export interface CredentialedFetchOptions {
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

/** Sends one credentialed request; a redirect, a refused address, a time-out or a network error is a failure. */
export async function credentialedFetch(
  url: string,
  init: RequestInit,
  { timeoutMs, fetchImpl = fetch }: CredentialedFetchOptions,
): Promise<Response | RequestFailure> {
  const address = checkCredentialUrl(url);
  if (!address.ok) return { failure: 'address', message: address.error.message };
  let answer: Response;
  try {
    answer = await fetchImpl(url, {
      ...init,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (thrown) {
    return { failure: thrown instanceof DOMException && thrown.name === 'TimeoutError' ? 'timeout' : 'network' };
  }
  if (!isRedirect(answer)) return answer;
  await answer.body?.cancel().catch(() => undefined);
  return { failure: 'redirect', location: locationOf(answer, url) };
}

/** A redirect as a browser reports it (opaque) or as other fetches do (a 3xx with Location). */
function isRedirect(answer: Response): boolean {
  return answer.type === 'opaqueredirect' || (answer.status >= 300 && answer.status < 400 && answer.status !== 304);
}

/** The absolute address a redirect names, or null when the fetch hides it. */
function locationOf(answer: Response, requested: string): string | null {
  const location = answer.headers.get('Location');
  if (location === null || location.trim() === '') return null;
  try {
    return new URL(location, requested).href;
  } catch {
    return null;
  }
}
