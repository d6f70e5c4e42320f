/**
 * A stored API key or bearer token belongs to the origin of the address it was saved with. The
 * configuration form leaves secret fields blank to mean "keep the stored one" — but only while the
 * base URL keeps that origin: an edited address (typed over, or saved) never inherits a secret, so
 * nobody at an unlocked tab can send a stored key to a host of their choosing. Save, Test
 * connection and processing all pick their secret here.
 */
import { isSameOrigin, originOf } from './api-address';
import { fail, ok, type Result } from './result';

export type SecretKind = 'api_key' | 'bearer_token';

const MESSAGES = {
  otherAddress: (kind: SecretKind, storedAt: string, nextAt: string, outcome: string) => {
    const secret = SECRET_NAMES[kind];
    return (
      `The stored ${secret} belongs to ${storedAt}, and the API base URL now points to ${nextAt}. ` +
      `Type the ${secret} again for the new address: a stored ${secret} is only ever sent to the address ` +
      `it was saved with. ${outcome}`
    );
  },
} as const;

const SECRET_NAMES: Record<SecretKind, string> = { api_key: 'API key', bearer_token: 'bearer token' };

/** The secret already stored for a configuration, and the address it was saved with. */
export interface StoredSecret {
  secret: string | null;
  baseUrl: string | null;
}

/**
 * The secret a request to `baseUrl` may carry: the typed one; else the stored one when the
 * address keeps the stored origin; else a failure that asks for it (`outcome` says what was kept,
 * e.g. "Nothing was saved."). Null when there is neither.
 */
export function pickSecret(
  kind: SecretKind,
  typed: string,
  stored: StoredSecret,
  baseUrl: string,
  outcome: string,
): Result<string | null> {
  const fresh = typed.trim();
  if (fresh !== '') return ok(fresh);
  if (stored.secret === null || stored.secret.trim() === '') return ok(null);
  if (stored.baseUrl !== null && isSameOrigin(stored.baseUrl, baseUrl)) return ok(stored.secret);
  const storedAt = (stored.baseUrl === null ? null : originOf(stored.baseUrl)) ?? 'another address';
  return fail('secret-for-other-address', MESSAGES.otherAddress(kind, storedAt, originOf(baseUrl) ?? baseUrl, outcome));
}
