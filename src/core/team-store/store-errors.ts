import type { AppError } from '../result';

/**
 * The ways a store request fails, each with its own plain message (what happened, what to do):
 * the UI shows them differently and the upload queue retries some of them.
 */
export type StoreErrorCode =
  | 'unreachable' // no answer at all; from a page also a missing CORS rule or a refused key (they look alike)
  | 'denied' // 403: wrong key or secret, or the key may not use this bucket or name
  | 'clock-skew' // RequestTimeTooSkewed: this computer's clock is too far off
  | 'not-found' // no such object (or bucket)
  | 'precondition-failed' // 412: a create-only write found the name taken
  | 'redirected' // 3xx: the store points elsewhere; never followed with our credentials
  | 'throttled' // 429/503: asked to slow down
  | 'server' // anything else the store got wrong (5xx, an unreadable answer)
  | 'not-own-object'; // refused here, never sent: a write or delete outside this browser's own objects

export interface StoreError extends AppError {
  code: StoreErrorCode;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** S3's own error code (AccessDenied, NoSuchBucket, …), when the answer said one. */
  s3Code?: string;
  /** How long the store asked us to wait, for `throttled`. */
  retryAfterMs?: number;
  /** Where a `redirected` answer pointed. */
  location?: string;
}

const MESSAGES: Record<StoreErrorCode, string> = {
  unreachable:
    'Could not reach the team store. Check the endpoint address and the network. If the address is right, ' +
    'the bucket may be missing the CORS rule for this app, or the store refused these credentials — a ' +
    'browser cannot tell these apart. Nothing was changed.',
  denied:
    'The team store refused these credentials. Check the access key ID and secret, and that this key may use ' +
    'the bucket. Nothing was changed.',
  'clock-skew':
    "The team store refused the request because this computer's clock is off by more than 15 minutes. " +
    'Set the date and time to update automatically, then try again.',
  'not-found': 'The team store has no such object or bucket. Check the bucket name and prefix.',
  'precondition-failed': 'An object with this name is already in the team store; nothing was overwritten.',
  redirected:
    'The team store answered from another address. Use that address as the endpoint (for AWS S3: the ' +
    "bucket's own region). Nothing was sent to it.",
  throttled: 'The team store asked the app to slow down. It will try again shortly; nothing was lost.',
  server: 'The team store had a problem answering. The app will try again later; nothing was lost here.',
  'not-own-object':
    "The app refused to write or delete an object outside this browser's own part of the team store; nothing " +
    'was sent. Nothing was changed. Report this: it is a fault of the app.',
};

/** A store error with its plain message; `extra` adds what the answer said. */
export function storeError(
  code: StoreErrorCode,
  detail: string,
  extra: Omit<StoreError, 'code' | 'message' | 'detail'> = {},
): StoreError {
  let message = MESSAGES[code];
  if (code === 'not-found' && extra.s3Code === 'NoSuchBucket') {
    message = 'The team store has no bucket of this name. Check the bucket name (and the region for AWS S3).';
  }
  if (code === 'redirected' && extra.location) message += ` It pointed to ${extra.location}.`;
  return { code, message, detail, ...extra };
}

/** True for failures worth retrying later without anyone changing a setting. */
export function isTransient(error: StoreError): boolean {
  return error.code === 'unreachable' || error.code === 'throttled' || error.code === 'server';
}

/** A failed StoreResult. */
export function storeFailure(error: StoreError): { ok: false; error: StoreError } {
  return { ok: false, error };
}
