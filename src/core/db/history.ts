/**
 * Upload history pages, read with keyset pagination over the (upload_timestamp, id) indexes: a
 * page costs the same however deep it is, and the table is never loaded whole. Filters (file
 * name, brokerage, configuration, time range, with failures) narrow the same keyset walk; the
 * total is the count of the filtered set.
 */
import { TABLE_COLUMNS, type UploadRow } from './rows';
import type { RunMark } from './run-standing';
import type { Database, SqlValue } from './sql-types';
import { selectValue } from './transaction';

/** A position in the time order: the last row of the previous page. */
export interface HistoryCursor {
  upload_timestamp: string;
  id: number;
}

export interface HistoryPage {
  rows: UploadRow[];
  next: HistoryCursor | null;
  /** Rows matching the filters (all pages). */
  total: number;
  /** How this browser's runs among the rows stand, when any was cut short, is going on or left loads uncertain. */
  runMarks?: RunMark[];
}

export interface HistoryQuery {
  brokerageName?: string;
  /** With brokerageName: one configuration of that brokerage; null means rows without one. */
  configurationName?: string | null;
  /** Part of the file name, any case (ASCII letters fold; SQLite has no ICU). */
  fileNameContains?: string;
  /** ISO time, inclusive: rows at or after it. */
  from?: string;
  /** ISO time, exclusive: rows before it. */
  before?: string;
  /** Only uploads where at least one record failed. */
  withFailures?: boolean;
  /** Newest first (default) or oldest first. */
  order?: 'newest' | 'oldest';
  /** Keyset cursor: the last row of the previous page. */
  after?: HistoryCursor;
  limit: number;
}

/** The most rows one page may hold, whatever the caller asks for. */
export const MAX_HISTORY_PAGE = 500;

const COLUMNS = TABLE_COLUMNS.upload_history;

const SQL = {
  select: `SELECT ${COLUMNS.join(', ')} FROM upload_history`,
  count: 'SELECT COUNT(*) FROM upload_history',
  byBrokerage: 'brokerage_name = ?',
  byConfiguration: 'configuration_name = ?',
  withoutConfiguration: 'configuration_name IS NULL',
  fileName: "filename LIKE ? ESCAPE '\\'",
  from: 'upload_timestamp >= ?',
  before: 'upload_timestamp < ?',
  withFailures: 'failed_records > 0',
  // Row-value comparisons: strictly after the cursor in the chosen order.
  afterNewest: '(upload_timestamp, id) < (?, ?)',
  afterOldest: '(upload_timestamp, id) > (?, ?)',
  newest: 'ORDER BY upload_timestamp DESC, id DESC LIMIT ?',
  oldest: 'ORDER BY upload_timestamp ASC, id ASC LIMIT ?',
} as const;

/** One page of upload history matching the query's filters, continuing after `query.after`. */
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
  const filter = filterConditions(query);
  const isOldestFirst = query.order === 'oldest';
  const cursor: Query[] = query.after
    ? [
        {
          sql: isOldestFirst ? SQL.afterOldest : SQL.afterNewest,
          params: [query.after.upload_timestamp, query.after.id],
        },
      ]
    : [];
  return {
    // One row more than the page shows whether another page follows.
    page: {
      sql: `${SQL.select} ${whereClause([...filter, ...cursor])} ${isOldestFirst ? SQL.oldest : SQL.newest}`,
      params: [...paramsOf([...filter, ...cursor]), limit + 1],
    },
    count: { sql: `${SQL.count} ${whereClause(filter)}`, params: paramsOf(filter) },
  };
}

/** The WHERE conditions of the filters, each with its parameters. */
function filterConditions(query: HistoryQuery): Query[] {
  const conditions: Query[] = [];
  if (query.brokerageName !== undefined) {
    conditions.push({ sql: SQL.byBrokerage, params: [query.brokerageName] });
    if (query.configurationName === null) conditions.push({ sql: SQL.withoutConfiguration, params: [] });
    else if (query.configurationName !== undefined)
      conditions.push({ sql: SQL.byConfiguration, params: [query.configurationName] });
  }
  const text = query.fileNameContains?.trim();
  if (text) conditions.push({ sql: SQL.fileName, params: [`%${escapeLike(text)}%`] });
  if (query.from) conditions.push({ sql: SQL.from, params: [query.from] });
  if (query.before) conditions.push({ sql: SQL.before, params: [query.before] });
  if (query.withFailures) conditions.push({ sql: SQL.withFailures, params: [] });
  return conditions;
}

/** A search text taken literally by LIKE: `%`, `_` and the escape character itself lose their meaning. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** "WHERE a AND b", or nothing. */
function whereClause(conditions: Query[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.map((c) => c.sql).join(' AND ')}`;
}

function paramsOf(conditions: Query[]): (string | number)[] {
  return conditions.flatMap((c) => c.params);
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
