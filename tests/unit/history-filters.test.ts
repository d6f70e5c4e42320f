import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHistoryQueries, listHistoryPage, type HistoryQuery } from '../../src/core/db/history';
import type { UploadRow } from '../../src/core/db/rows';
import type { Database } from '../../src/core/db/sql-types';
import { insertUploads, openTestDatabase } from '../support/catalog-db';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20) + minute * 60_000).toISOString();

/** Every page of a query, followed through its cursors. */
function readAll(db: Database, query: Omit<HistoryQuery, 'after'>): { ids: number[]; totals: number[] } {
  const ids: number[] = [];
  const totals: number[] = [];
  let after: HistoryQuery['after'];
  for (let guard = 0; guard < 1000; guard++) {
    const page = listHistoryPage(db, after ? { ...query, after } : query);
    ids.push(...page.rows.map((row) => row.id));
    totals.push(page.total);
    if (!page.next) return { ids, totals };
    after = page.next;
  }
  throw new Error('paging never ended');
}

/** What the query should return, worked out in plain TypeScript over all rows. */
function expected(rows: UploadRow[], query: Omit<HistoryQuery, 'after' | 'limit'>): number[] {
  const text = query.fileNameContains?.trim().toLowerCase();
  const matching = rows.filter(
    (row) =>
      (query.brokerageName === undefined || row.brokerage_name === query.brokerageName) &&
      (query.brokerageName === undefined ||
        query.configurationName === undefined ||
        row.configuration_name === query.configurationName) &&
      (!text || row.filename.toLowerCase().includes(text)) &&
      (!query.from || row.upload_timestamp >= query.from) &&
      (!query.before || row.upload_timestamp < query.before) &&
      (!query.withFailures || row.failed_records > 0),
  );
  const sign = query.order === 'oldest' ? 1 : -1;
  matching.sort((a, b) => sign * (a.upload_timestamp.localeCompare(b.upload_timestamp) || a.id - b.id));
  return matching.map((row) => row.id);
}

const rowArb = fc.record({
  brokerage: fc.constantFrom('Acme, Inc.', 'Blue Line'),
  configuration: fc.constantFrom('Daily loads', 'Weekly', null),
  minute: fc.integer({ min: 0, max: 30 }),
  file: fc.constantFrom('acme_w1.csv', 'ACME_W2.csv', 'blue.csv', '100%_done.csv', 'a_b.csv'),
  failed: fc.integer({ min: 0, max: 2 }),
});
const queryArb = fc.record({
  brokerageName: fc.option(fc.constantFrom('Acme, Inc.', 'Blue Line'), { nil: undefined }),
  configurationName: fc.option(fc.constantFrom('Daily loads', 'Weekly', null), { nil: undefined }),
  fileNameContains: fc.option(fc.constantFrom('acme', 'W1', '%', '_', '.csv', 'zzz'), { nil: undefined }),
  from: fc.option(fc.integer({ min: 0, max: 30 }).map(at), { nil: undefined }),
  before: fc.option(fc.integer({ min: 0, max: 31 }).map(at), { nil: undefined }),
  withFailures: fc.option(fc.boolean(), { nil: undefined }),
  order: fc.option(fc.constantFrom('newest' as const, 'oldest' as const), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 7 }),
});

describe('history search and filters', () => {
  it('law: the pages of any filtered query hold exactly the matching rows, in order, each once, with the same total', async () => {
    const db = await openTestDatabase();
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 40 }), queryArb, async (rows, query) => {
        db.exec('DELETE FROM upload_history');
        insertUploads(
          db,
          rows.map((row) => ({
            brokerage: row.brokerage,
            configuration: row.configuration,
            at: at(row.minute),
            file: row.file,
            failed: row.failed,
          })),
        );
        const all = listHistoryPage(db, { limit: 500 }).rows;
        const want = expected(all, query);
        const { ids, totals } = readAll(db, query);
        expect(ids).toEqual(want);
        for (const total of totals) expect(total).toBe(want.length);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it.each<[string, Omit<HistoryQuery, 'limit'>, string]>([
    ['oldest first', { order: 'oldest', after: { upload_timestamp: at(1), id: 1 } }, 'upload_history_newest'],
    ['a time range', { from: at(1), before: at(9) }, 'upload_history_newest'],
    ['a brokerage and a time range', { brokerageName: 'A', from: at(1) }, 'upload_history_by_brokerage'],
    [
      'a configuration of a brokerage',
      { brokerageName: 'A', configurationName: 'Weekly' },
      'upload_history_by_brokerage',
    ],
  ])('reads %s through an index, without sorting', async (_case, query, index) => {
    const db = await openTestDatabase();
    const { page } = buildHistoryQueries({ ...query, limit: 50 }, 50);
    const plan = db
      .exec(`EXPLAIN QUERY PLAN ${page.sql}`, page.params)[0]
      ?.values.map((row) => String(row[3]))
      .join(' | ');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
