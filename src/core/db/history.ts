/**
 * Upload history pages, newest first, read with keyset pagination over the
 * (upload_timestamp DESC, id DESC) indexes: a page costs the same however deep it is, and the
 * table is never loaded whole.
 */
import type { HistoryPage, HistoryQuery } from '../../worker/api';
import { TABLE_COLUMNS, type UploadRow } from './rows';
import type { Database, SqlValue } from './sql-types';
import { selectValue } from './transaction';

/** The most rows one page may hold, whatever the caller asks for. */
export const MAX_HISTORY_PAGE = 500;

const COLUMNS = TABLE_COLUMNS.upload_history;

const SQL = {
  select: `SELECT ${COLUMNS.join(', ')} FROM upload_history`,
  byBrokerage: 'brokerage_name = ?',
  // Row-value comparison: strictly after the cursor in (timestamp DESC, id DESC) order.
  afterCursor: '(upload_timestamp, id) < (?, ?)',
  order: 'ORDER BY upload_timestamp DESC, id DESC LIMIT ?',
  count: 'SELECT COUNT(*) FROM upload_history',
} as const;

/** One page of upload history (optionally one brokerage's), continuing after `query.after`. */
export function listHistoryPage(db: Database, query: HistoryQuery): HistoryPage {
  const limit = Math.min(MAX_HISTORY_PAGE, Math.max(1, Math.floor(query.limit) || 1));
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (query.brokerageName !== undefined) {
    conditions.push(SQL.byBrokerage);
    params.push(query.brokerageName);
  }
  const countWhere = whereClause(conditions);
  const countParams = [...params];
  if (query.after) {
    conditions.push(SQL.afterCursor);
    params.push(query.after.upload_timestamp, query.after.id);
  }
  // One row more than the page shows whether another page follows.
  const rows = readRows(db, `${SQL.select} ${whereClause(conditions)} ${SQL.order}`, [...params, limit + 1]);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const total = Number(selectValue(db, `${SQL.count} ${countWhere}`, countParams) ?? 0);
  return {
    rows: page,
    next: hasMore && last ? { upload_timestamp: last.upload_timestamp, id: last.id } : null,
    total,
  };
}

/** "WHERE a AND b", or nothing. */
function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** Reads rows as arrays (faster than getAsObject) and names their columns. */
function readRows(db: Database, sql: string, params: (string | number)[]): UploadRow[] {
  const stmt = db.prepare(sql);
  const rows: UploadRow[] = [];
  try {
    stmt.bind(params);
    while (stmt.step()) {
      const values = stmt.get();
      const row: Record<string, SqlValue> = {};
      COLUMNS.forEach((column, i) => {
        row[column] = values[i] ?? null;
      });
      rows.push(row as unknown as UploadRow);
    }
  } finally {
    stmt.free();
  }
  return rows;
}
