import { listHistoryPage, type HistoryPage, type HistoryQuery } from '../../core/db/history';
import { countLoadsPerDay } from '../../core/db/history-stats';
import { readRunMarks } from '../../core/db/run-marks';
import { isNotable } from '../../core/db/run-standing';
import type { Database } from '../../core/db/sql-types';

/**
 * Reading the upload history and its chart: a chunk of its own, loaded when the history is first
 * shown (the app opens on the brokerages).
 */

/** What the marks of this browser's runs depend on: the runs this tab is sending, and whether it writes. */
export interface RunsHere {
  active: ReadonlySet<number>;
  isWriter: boolean;
}

/** One page of upload history with the marks of the runs among its rows that need saying. */
export function readHistoryPage(db: Database, query: HistoryQuery, here: RunsHere): HistoryPage {
  const page = listHistoryPage(db, query);
  const ids = page.rows.map((row) => row.id);
  const marks = readRunMarks(db, ids, (id) => ({ isActiveHere: here.active.has(id), isWriter: here.isWriter }));
  return { ...page, runMarks: marks.filter(isNotable) };
}

export { countLoadsPerDay };
