import { fail, ok, type Result } from '../result';

/**
 * Where a team store is, checked before the app signs anything for it: an https endpoint (plain
 * http only on this computer, where nothing crosses a network), a region, an S3 bucket name and
 * a prefix the team's objects live under. Each refusal names the field and what to type.
 */

export interface StoreAddress {
  endpoint: string;
  region: string;
  bucket: string;
  /** '' (the bucket's root) or segments ending in '/'. */
  prefix: string;
  addressing: 'path' | 'virtual-host';
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9][a-z0-9-]{0,31}$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]{1,64}$/;

export function checkStoreAddress(input: StoreAddress): Result<StoreAddress> {
  const endpoint = checkEndpoint(input.endpoint.trim());
  if (!endpoint.ok) return endpoint;
  const region = input.region.trim();
  if (!REGION.test(region)) {
    return fail('store-region', 'The region should be letters, digits and dashes, like us-east-1 (R2: auto).');
  }
  const bucket = input.bucket.trim();
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    return fail(
      'store-bucket',
      'The bucket name should be 3–63 lowercase letters, digits, dots or dashes, as in the console.',
    );
  }
  const prefix = normalisePrefix(input.prefix);
  if (prefix === null) {
    return fail(
      'store-prefix',
      'The prefix should be folder names of letters, digits, dots, dashes or underscores separated by "/", ' +
        'like ff2api/ or teams/dispatch/ (or empty for the whole bucket).',
    );
  }
  return ok({ endpoint: endpoint.value, region, bucket, prefix, addressing: input.addressing });
}

function checkEndpoint(text: string): Result<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('store-endpoint', 'The endpoint should be an address like https://s3.us-east-1.amazonaws.com.');
  }
  if (url.username || url.password || url.search || url.hash) {
    return fail('store-endpoint', 'The endpoint should be just the address, without a name, password, "?" or "#".');
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return fail(
      'store-endpoint',
      'The endpoint must start with https:// so the store keys never cross a network unencrypted.',
    );
  }
  return ok(url.toString().replace(/\/$/, ''));
}

/** The prefix with one trailing "/", or null when a segment is not allowed. */
export function normalisePrefix(raw: string): string | null {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  const segments = trimmed.split('/');
  if (segments.length > 8 || segments.some((s) => !PREFIX_SEGMENT.test(s) || s === '.' || s === '..')) return null;
  return `${segments.join('/')}/`;
}
