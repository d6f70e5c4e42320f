/**
 * Upload history pages, newest first, read with keyset pagination over the
 * (upload_timestamp DESC, id DESC) indexes: a page costs the same however deep it is, and the
 * table is never loaded whole.
 */
import { TABLE_COLUMNS, type UploadRow } from './rows';
import type { Database, SqlValue } from './sql-types';
import { selectValue } from './transaction';

export interface HistoryPage {
  rows: UploadRow[];
  next: { upload_timestamp: string; id: number } | null;
  total: number;
}

export interface HistoryQuery {
  brokerageName?: string;
  /** Keyset cursor: the last row of the previous page. */
  after?: { upload_timestamp: string; id: number };
  limit: number;
}

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
  const { page, count } = buildHistoryQueries(query, limit);
  const rows = readRows(db, page.sql, page.params);
  const hasMore = rows.length > limit;
  const shown = hasMore ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    rows: shown,
    next: hasMore && last ? { upload_timestamp: last.upload_timestamp, id: last.id } : null,
    total: Number(selectValue(db, count.sql, count.params) ?? 0),
  };
}

interface Query {
  sql: string;
  params: (string | number)[];
}

/** The page and count queries for a history query (exported so tests can check their plans). */
export function buildHistoryQueries(query: HistoryQuery, limit: number): { page: Query; count: Query } {
  const filter = query.brokerageName === undefined ? [] : [SQL.byBrokerage];
  const filterParams = query.brokerageName === undefined ? [] : [query.brokerageName];
  const cursor = query.after ? [SQL.afterCursor] : [];
  const cursorParams = query.after ? [query.after.upload_timestamp, query.after.id] : [];
  return {
    // One row more than the page shows whether another page follows.
    page: { sql: `${SQL.select} ${whereClause([...filter, ...cursor])} ${SQL.order}`, params: [...filterParams, ...cursorParams, limit + 1] },
    count: { sql: `${SQL.count} ${whereClause(filter)}`, params: filterParams },
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
