/**
 * Which addresses the app sends credentials to, checked wherever an address comes in (the
 * configuration form, Test connection, a restored file, the request itself): `https:` anywhere,
 * plain `http:` only to this computer (the local demo API), and never an address carrying a user
 * name or password — the browser refuses those at fetch time anyway, and a key belongs in the key
 * field, not in a URL that is shown, logged and saved. A stored secret belongs to the origin it
 * was saved with (`isSameOrigin`): an edited address never inherits it.
 */
import { fail, ok, type Result } from './result';

const MESSAGES = {
  missing: 'Please provide an API base URL.',
  notAddress: (text: string) =>
    `“${clip(text)}” is not a web address. Enter the API base URL starting with https://, ` +
    'for example https://api.prod.goaugment.com.',
  userInfo:
    'The API base URL must not contain a user name or password (the part before “@”). ' +
    'Remove it and put the credential in the API key or bearer token field.',
  notHttps: (origin: string) =>
    `The API base URL ${origin} is not encrypted (http://). The app sends keys only over https://, ` +
    'or over http:// to this computer (localhost, 127.0.0.1). Use the https:// address of the API.',
  scheme: (scheme: string) =>
    `The API base URL uses “${scheme}”, which is not a web address. Use the https:// address of the API.`,
  queryOrFragment:
    'The API base URL must not contain “?” or “#”: the app adds paths such as /v2/loads after it. ' +
    'Remove everything from the “?” or “#” on.',
} as const;

/** The checked address: the text as entered (trimmed) and its origin, which secrets are bound to. */
export interface ApiAddress {
  baseUrl: string;
  origin: string;
}

/** Checks an API base URL against the rules above; the failure says what to change. */
export function checkApiAddress(text: string): Result<ApiAddress> {
  const baseUrl = text.trim();
  if (baseUrl === '') return fail('no-base-url', MESSAGES.missing);
  const checked = checkCredentialUrl(baseUrl);
  if (!checked.ok) return checked;
  if (/[?#]/u.test(baseUrl)) return fail('base-url-query', MESSAGES.queryOrFragment);
  return ok({ baseUrl, origin: checked.value.origin });
}

/**
 * Whether a request URL (a base URL plus a path and query) may carry a credential: a web address
 * with a host, `https:` or loopback `http:`, no user name or password.
 */
export function checkCredentialUrl(text: string): Result<URL> {
  const url = parseUrl(text.trim());
  if (url === null || url.hostname === '') return fail('bad-base-url', MESSAGES.notAddress(text.trim()));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('bad-base-url', MESSAGES.scheme(url.protocol));
  if (url.username !== '' || url.password !== '') return fail('base-url-credentials', MESSAGES.userInfo);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('base-url-not-https', MESSAGES.notHttps(url.origin));
  }
  return ok(url);
}

/** The plain-words reason an address is refused, or null when the app may use it. */
export function describeAddressProblem(text: string): string | null {
  const checked = checkApiAddress(text);
  return checked.ok ? null : checked.error.message;
}

/** The origin (scheme, host, port) of an address, or null when it is not one. */
export function originOf(text: string): string | null {
  const url = parseUrl(text.trim());
  return url === null || url.hostname === '' ? null : url.origin;
}

/** Whether two addresses share an origin — the unit a stored secret is bound to. */
export function isSameOrigin(a: string, b: string): boolean {
  const first = originOf(a);
  return first !== null && first === originOf(b);
}

/** Hosts that are this computer: `localhost` (and its subdomains), 127.0.0.0/8 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  // The URL parser has already turned every IPv4 spelling (0x7f.1, 2130706433) into dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
