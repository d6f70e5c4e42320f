import { describe, expect, it } from 'vitest';
import { buildHistoryQueries, listHistoryPage, MAX_HISTORY_PAGE } from '../../src/core/db/history';
import type { Database } from '../../src/core/db/sql-types';
import type { HistoryQuery } from '../../src/core/db/history';
import { insertUploads, openTestDatabase } from '../support/catalog-db';

const at = (minute: number) => `2026-11-22T08:${String(minute).padStart(2, '0')}:00.000Z`;

/** Follows `next` cursors to the end, collecting row ids page by page. */
function readAllPages(db: Database, query: Omit<HistoryQuery, 'after'>): number[][] {
  const pages: number[][] = [];
  let after: HistoryQuery['after'];
  for (let guard = 0; guard < 100; guard++) {
    const page = listHistoryPage(db, after ? { ...query, after } : query);
    pages.push(page.rows.map((row) => row.id));
    if (!page.next) return pages;
    after = page.next;
  }
  throw new Error('paging never ended');
}

describe('listHistoryPage', () => {
  it('pages newest first across ties in timestamp, each row exactly once', async () => {
    const db = await openTestDatabase();
    // ids 1..7: three rows share minute 5 and two share minute 9, inserted out of time order.
    insertUploads(
      db,
      [at(5), at(9), at(5), at(1), at(9), at(5), at(7)].map((time) => ({ brokerage: 'Acme', at: time })),
    );
    const pages = readAllPages(db, { limit: 2 });
    expect(pages).toEqual([[5, 2], [7, 6], [3, 1], [4]]);
    expect(listHistoryPage(db, { limit: 2 }).total).toBe(7);
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const db = await openTestDatabase();
    insertUploads(
      db,
      [1, 2, 3, 4].map((m) => ({ brokerage: 'Acme', at: at(m) })),
    );
    expect(listHistoryPage(db, { limit: 4 }).next).toBeNull();
    expect(readAllPages(db, { limit: 2 })).toEqual([
      [4, 3],
      [2, 1],
    ]);
  });

  it('filters by brokerage, with the total of that brokerage only', async () => {
    const db = await openTestDatabase();
    insertUploads(db, [
      { brokerage: 'Acme, Inc.', at: at(1) },
      { brokerage: 'Blue Line', at: at(2) },
      { brokerage: 'Acme, Inc.', at: at(3) },
      { brokerage: 'Acme, Inc.', at: at(3) },
      { brokerage: 'Blue Line', at: at(4) },
    ]);
    const first = listHistoryPage(db, { brokerageName: 'Acme, Inc.', limit: 2 });
    expect(first.rows.map((row) => [row.id, row.brokerage_name])).toEqual([
      [4, 'Acme, Inc.'],
      [3, 'Acme, Inc.'],
    ]);
    expect(first.total).toBe(3);
    expect(readAllPages(db, { brokerageName: 'Acme, Inc.', limit: 2 })).toEqual([[4, 3], [1]]);
    expect(listHistoryPage(db, { brokerageName: 'Nobody', limit: 2 })).toEqual({ rows: [], next: null, total: 0 });
  });

  it('returns whole rows, including the imported-time flag', async () => {
    const db = await openTestDatabase();
    insertUploads(db, [{ brokerage: 'Acme', at: at(1), file: 'old.csv', unknownTime: true }]);
    expect(listHistoryPage(db, { limit: 5 }).rows[0]).toMatchObject({
      id: 1,
      brokerage_name: 'Acme',
      configuration_name: 'Daily loads',
      filename: 'old.csv',
      total_records: 10,
      successful_records: 9,
      failed_records: 1,
      upload_timestamp: at(1),
      timestamp_unknown: 1,
      error_log: null,
    });
  });

  it('bounds the page size', async () => {
    const db = await openTestDatabase();
    insertUploads(
      db,
      Array.from({ length: MAX_HISTORY_PAGE + 5 }, () => ({ brokerage: 'Acme', at: at(1) })),
    );
    expect(listHistoryPage(db, { limit: 10_000 }).rows).toHaveLength(MAX_HISTORY_PAGE);
    expect(listHistoryPage(db, { limit: 0 }).rows).toHaveLength(1);
  });

  it.each<[string, HistoryQuery, string]>([
    ['all brokerages', { limit: 3, after: { upload_timestamp: at(1), id: 1 } }, 'upload_history_newest'],
    [
      'one brokerage',
      { limit: 3, brokerageName: 'A', after: { upload_timestamp: at(1), id: 1 } },
      'upload_history_by_brokerage',
    ],
  ])('reads %s through its index, without sorting', async (_case, query, index) => {
    const db = await openTestDatabase();
    const { page, count } = buildHistoryQueries(query, query.limit);
    const plan = (sql: string, params: (string | number)[]) =>
      db
        .exec(`EXPLAIN QUERY PLAN ${sql}`, params)[0]
        ?.values.map((row) => String(row[3]))
        .join(' | ');
    expect(plan(page.sql, page.params)).toContain(index);
    expect(plan(page.sql, page.params)).not.toMatch(/TEMP B-TREE/);
    expect(plan(count.sql, count.params)).toMatch(/COVERING INDEX|USING INDEX/);
  });
});
