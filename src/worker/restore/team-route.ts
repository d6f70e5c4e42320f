import type { Database } from '../../core/db/sql-types';
import type { Result } from '../../core/result';
import type { ChangesByPerson } from '../../core/team-sync/changes-since';

/**
 * What restoring needs of the team database, as narrow functions (app-calls.ts passes them, so
 * this feature never loads team sync's code): in a browser that joined a team database, replacing
 * the database replaces the TEAM's, for every teammate, and its undo is a team restore too.
 */
export interface TeamRestoreRoute {
  /** Whether this browser is in a team database now (and this tab writes it); false when no store is connected. */
  isJoined(): Promise<boolean>;
  /** What teammates (other browsers) changed since the file was made, by person: a replace loses it. */
  changedSince(file: Database, fileCreatedAt: string | null): Promise<ChangesByPerson[]>;
  /**
   * Replaces the team's database with `db` (taken over, closed on failure) and announces it; the
   * caller has taken the `Before restore` snapshot. Returns the team restore's id (what an undo names).
   */
  restore(input: TeamRestoreRequest): Promise<Result<{ restoreId: string }>>;
}

export interface TeamRestoreRequest {
  db: Database;
  source: 'file' | 'snapshot' | 'undo';
  fileName: string | null;
  /** For an undo: the team restore it undoes. */
  undoOf?: string | null;
}

/** No team database (tests, and the composition before one is connected): every restore is this browser's own. */
export const NO_TEAM: TeamRestoreRoute = {
  isJoined: () => Promise.resolve(false),
  changedSince: () => Promise.resolve([]),
  restore: (input) => {
    input.db.close();
    return Promise.resolve({
      ok: false,
      error: { code: 'team-not-joined', message: 'This browser is not in a team database. Nothing was changed.' },
    });
  },
};
