import { markChanged } from '../../core/db/meta';
import type { Database } from '../../core/db/sql-types';
import { inTransaction } from '../../core/db/transaction';
import type { Result } from '../../core/result';
import type { TeamDatabase } from './team-connection';

/** Thrown inside the transaction to roll back a refused write; never escapes this module. */
class Refused extends Error {
  constructor(readonly refusal: Result<never>) {
    super('refused');
  }
}

/**
 * One write of the engine, as the live database takes writes: in a transaction of its own (a
 * refusal or an error rolls back all of it), then saved. `changesData` says whether the team's
 * data changed (the database's last change time moves, so backup health counts it); the
 * engine's own bookkeeping (positions, states read, the clock) does not.
 */
export function engineWrite<T>(
  database: TeamDatabase,
  operation: (db: Database, nowIso: string) => Result<T>,
  changesData: (value: T) => boolean = () => false,
): Promise<Result<T>> {
  return database.write((db, nowIso) => {
    try {
      return inTransaction(db, () => {
        const result = operation(db, nowIso);
        if (!result.ok) throw new Refused(result);
        if (changesData(result.value)) markChanged(db, nowIso);
        return result;
      });
    } catch (thrown) {
      if (thrown instanceof Refused) return thrown.refusal;
      throw thrown;
    }
  });
}
