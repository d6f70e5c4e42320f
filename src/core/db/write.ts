import { describeThrown, fail, type Result } from '../result';
import { markChanged } from './meta';
import type { Database } from './sql-types';
import { inTransaction } from './transaction';

const MESSAGES = {
  writeFailed:
    'The change could not be written to the database, so nothing was changed. Try again; if it keeps failing, download a backup and reload the page.',
} as const;

/** Thrown inside the transaction to roll back a refused write; never escapes this module. */
class RefusedWrite extends Error {
  constructor(readonly refusal: Result<never>) {
    super('refused');
  }
}

/**
 * Runs one user write as one transaction that also records the change time. A refusal returned
 * by `work` rolls back whatever it had already written, and an unexpected SQL error becomes one
 * plain message — so a failed write always leaves the database exactly as it was.
 */
export function runWrite<T>(db: Database, nowIso: string, work: () => Result<T>): Result<T> {
  try {
    return inTransaction(db, () => {
      const result = work();
      if (!result.ok) throw new RefusedWrite(result);
      markChanged(db, nowIso);
      return result;
    });
  } catch (thrown) {
    if (thrown instanceof RefusedWrite) return thrown.refusal;
    return fail('write-failed', MESSAGES.writeFailed, describeThrown(thrown));
  }
}
