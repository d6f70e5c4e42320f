import { describeThrown } from '../../../core/result';
import { storeError, type StoreError } from '../../../core/team-store/store-errors';

/**
 * What a failed file operation in the team's shared folder means, as the store error codes the
 * app already treats apart (a refusal stops and asks a person; a passing fault is retried). The
 * messages speak of the folder, not of keys and buckets.
 */

const MESSAGES = {
  denied:
    'The browser no longer allows this app to use the team\u2019s shared folder. Nothing was changed. Press ' +
    '\u201cAllow access to the shared folder\u201d under Team \u2192 Team store and allow access.',
  gone:
    'The team\u2019s shared folder is not there any more (moved, renamed or its drive disconnected). Nothing was ' +
    'changed. Reconnect the drive, or choose the folder again under Team \u2192 Team store.',
  full: 'The disk holding the team\u2019s shared folder is full. Nothing was lost; the app will try again later.',
  failed: 'A file in the team\u2019s shared folder could not be read or written. The app will try again later.',
};

/** A thrown file-system error as a store error (`what` says which call, for the detail). */
export function folderError(error: unknown, what: string): StoreError {
  const name = error instanceof DOMException ? error.name : '';
  const detail = `${what}: ${describeThrown(error)}`;
  if (name === 'NotFoundError' || name === 'TypeMismatchError') return storeError('not-found', detail);
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return { ...storeError('denied', detail), message: MESSAGES.denied };
  }
  if (name === 'QuotaExceededError') return { ...storeError('server', detail), message: MESSAGES.full };
  return { ...storeError('server', detail), message: MESSAGES.failed };
}

/** The folder itself is missing (not one file in it): nothing can be reached until it is back. */
export function folderGone(detail: string): StoreError {
  return { ...storeError('unreachable', detail), message: MESSAGES.gone };
}

/** True when a thrown error only says the entry does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');
}
