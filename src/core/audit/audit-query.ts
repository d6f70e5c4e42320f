import type { ActivityRow } from '../db/rows';
import type { Database } from '../db/sql-types';
import { selectRows, selectValue } from '../db/transaction';
import { toAuditEntry, type AuditEntry } from './audit-entry';

/**
 * Reading the audit trail (the activity log) with filters, a page at a time, newest first. Who
 * did what is in each entry's details (`by`, or an imported entry's original details), so the
 * person filter reads them with SQLite's JSON functions.
 */

export interface AuditQuery {
  /** Only these kinds ('backup', 'restore', …); all when absent or empty. */
  kinds?: readonly string[];
  /** Only entries by this person ('' matches entries with nobody named). */
  who?: string;
  /** Only entries whose summary contains this text (any case). */
  text?: string;
  /** ISO UTC bounds, inclusive. */
  from?: string;
  to?: string;
  /** Only entries written here, or only those restores brought in. */
  origin?: 'here' | 'imported';
  /** Only failures. */
  failuresOnly?: boolean;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** How many entries match the filters in all. */
  total: number;
  /** Pass as `beforeId` for the next (older) page; null at the end. */
  nextBeforeId: number | null;
}

const IMPORTED = `details LIKE '{"imported_from"%'`;
/** The person of an entry: its own `by`, or for an imported one, its original details' `by`. */
const WHO = `CASE WHEN json_valid(details) THEN COALESCE(json_extract(details, '$.by'),
  CASE WHEN json_valid(json_extract(details, '$.original_details'))
    THEN json_extract(json_extract(details, '$.original_details'), '$.by') END) END`;
const FAILED = `CASE WHEN json_valid(details) THEN COALESCE(json_extract(details, '$.ok'),
  CASE WHEN json_valid(json_extract(details, '$.original_details'))
    THEN json_extract(json_extract(details, '$.original_details'), '$.ok') END) END = 0`;

/** One page of the trail matching `query`, newest first, older than `beforeId` when given. */
export function listAuditTrail(db: Database, query: AuditQuery, page: { limit: number; beforeId?: number }): AuditPage {
  const { where, params } = whereOf(query);
  const total = Number(selectValue(db, `SELECT COUNT(*) FROM activity_log ${where}`, params) ?? 0);
  const paged = page.beforeId === undefined ? where : `${where} AND id < ?`;
  const rows = selectRows<ActivityRow>(
    db,
    `SELECT id, at, kind, summary, details FROM activity_log ${paged} ORDER BY id DESC LIMIT ?`,
    [...params, ...(page.beforeId === undefined ? [] : [page.beforeId]), page.limit + 1],
  );
  const entries = rows.slice(0, page.limit).map(toAuditEntry);
  const last = entries[entries.length - 1];
  return { entries, total, nextBeforeId: rows.length > page.limit && last ? last.id : null };
}

/** Every entry matching `query`, newest first (for the CSV export). */
export function readAuditTrail(db: Database, query: AuditQuery): AuditEntry[] {
  const { where, params } = whereOf(query);
  return selectRows<ActivityRow>(
    db,
    `SELECT id, at, kind, summary, details FROM activity_log ${where} ORDER BY id DESC`,
    params,
  ).map(toAuditEntry);
}

/** The people named in the trail, for the person filter, in alphabetical order. */
export function listAuditPeople(db: Database): string[] {
  return selectRows<{ who: unknown }>(
    db,
    `SELECT DISTINCT who FROM (SELECT ${WHO} AS who FROM activity_log) WHERE who IS NOT NULL ORDER BY who`,
  )
    .map((row) => row.who)
    .filter((who): who is string => typeof who === 'string' && who !== '');
}

function whereOf(query: AuditQuery): { where: string; params: (string | number)[] } {
  const clauses: string[] = ['1 = 1'];
  const params: (string | number)[] = [];
  if (query.kinds && query.kinds.length > 0) {
    clauses.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
    params.push(...query.kinds);
  }
  if (query.who !== undefined) {
    clauses.push(`COALESCE(${WHO}, '') = ?`);
    params.push(query.who);
  }
  if (query.text) {
    clauses.push(`summary LIKE ? ESCAPE '\\'`);
    params.push(`%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (query.from) {
    clauses.push('at >= ?');
    params.push(query.from);
  }
  if (query.to) {
    clauses.push('at <= ?');
    params.push(query.to);
  }
  if (query.origin === 'here') clauses.push(`NOT (${IMPORTED})`);
  if (query.origin === 'imported') clauses.push(IMPORTED);
  if (query.failuresOnly) clauses.push(`COALESCE(${FAILED}, 0)`);
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}
