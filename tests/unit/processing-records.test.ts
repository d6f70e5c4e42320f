import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/open';
import { migrateDatabase, readSchemaVersion, SCHEMA_VERSION } from '../../src/core/db/schema';
import { claimLoads, listLoads, recordOutcomes, releaseClaims } from '../../src/core/db/processing-loads';
import { createRun, readRun, refreshRunCounts } from '../../src/core/db/processing-runs';
import { countLoadsPerDay } from '../../src/core/db/history-stats';
import { loadSqlJs } from '../support/sqljs';

const NOW = '2026-11-22T08:00:00.000Z';

/** A database with one run of 10 rows, rows 9 and 10 invalid. */
async function withRun() {
  const db = openDatabase(await loadSqlJs());
  db.run("INSERT INTO brokerages (name) VALUES ('Acme')");
  db.run("INSERT INTO brokerage_configurations (id, brokerage_name, configuration_name) VALUES (1, 'Acme', 'Daily')");
  const id = createRun(
    db,
    {
      brokerageName: 'Acme',
      configurationName: 'Daily',
      configurationId: 1,
      fileName: 'f.csv',
      totalRows: 10,
      headers: ['a'],
      sessionId: 's-1',
      fingerprint: 'abc',
      fileSize: 10,
      mappings: { 'load.loadNumber': 'a' },
      problems: [{ row: 9, field: 'customer.name', value: '', expected: 'a value', message: 'Row 9: missing' }],
      invalidRows: [
        { row: 9, loadNumber: 'L9', message: 'Row 9: missing' },
        { row: 10, loadNumber: null, message: 'Row 10: bad' },
      ],
      owner: 'tab-1',
    },
    NOW,
  );
  return { db, id };
}

describe('schema version 2', () => {
  it('migrates a version 1 database, keeping its rows', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    // Version 1 only: the first migration's tables, taken from a fresh database's recorded SQL.
    const v2 = openDatabase(SQL);
    const v1Sql =
      v2
        .exec(
          "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'processing_runs' AND name NOT LIKE 'processing_loads%' AND name NOT LIKE 'team_%'",
        )[0]
        ?.values.map((row) => String(row[0])) ?? [];
    for (const statement of v1Sql) db.exec(statement);
    db.exec("PRAGMA user_version = 1; INSERT INTO brokerages (name) VALUES ('Acme')");
    migrateDatabase(db);
    expect(readSchemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.exec('SELECT name FROM brokerages')[0]?.values).toEqual([['Acme']]);
    expect(
      db.exec("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('processing_runs', 'processing_loads')")[0]
        ?.values[0]?.[0],
    ).toBe(2);
  });
});

describe('run records', () => {
  it('counts invalid rows as failed from the start, and sent/failed loads as they are recorded', async () => {
    const { db, id } = await withRun();
    expect(readRun(db, id)).toMatchObject({ total: 10, sent: 0, failed: 2, invalid: 2, claimed: 0, notSent: 8 });
    claimLoads(
      db,
      id,
      [1, 2, 3].map((row) => ({ row, loadNumber: `L${row}` })),
      NOW,
    );
    refreshRunCounts(db, id, 1);
    expect(readRun(db, id)).toMatchObject({ claimed: 3, notSent: 5 });
    recordOutcomes(
      db,
      id,
      [
        { row: 1, loadNumber: 'L1', state: 'sent', statusCode: 201, message: null, mayHaveArrived: true },
        { row: 2, loadNumber: 'L2', state: 'failed', statusCode: 422, message: 'bad', mayHaveArrived: false },
      ],
      NOW,
    );
    releaseClaims(db, id, [3]);
    refreshRunCounts(db, id, 2);
    expect(readRun(db, id)).toMatchObject({ sent: 1, failed: 3, claimed: 0, notSent: 6, processingSeconds: 2 });
    expect(
      db.exec(`SELECT error_type FROM processing_errors WHERE upload_history_id = ${id} ORDER BY row_number`)[0]
        ?.values,
    ).toEqual([['api_error'], ['validation']]);
  });

  it('a refused load claimed again gets a new idempotency key; one that may have arrived keeps its key', async () => {
    const { db, id } = await withRun();
    claimLoads(
      db,
      id,
      [
        { row: 1, loadNumber: 'L1' },
        { row: 2, loadNumber: 'L2' },
      ],
      NOW,
    );
    recordOutcomes(
      db,
      id,
      [
        { row: 1, loadNumber: 'L1', state: 'failed', statusCode: 422, message: 'refused', mayHaveArrived: false },
        { row: 2, loadNumber: 'L2', state: 'failed', statusCode: 503, message: 'gave up', mayHaveArrived: true },
      ],
      NOW,
    );
    claimLoads(
      db,
      id,
      [
        { row: 1, loadNumber: 'L1' },
        { row: 2, loadNumber: 'L2' },
      ],
      NOW,
    );
    expect(listLoads(db, id, 'claimed').map((load) => [load.row, load.keyGeneration])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    // Given back unsent, a resend claim returns to its failure.
    releaseClaims(db, id, [1, 2]);
    expect(listLoads(db, id, 'failed').map((load) => load.row)).toEqual([1, 2]);
  });

  it('loads per day, in the viewer’s zone', async () => {
    const { db, id } = await withRun();
    claimLoads(db, id, [{ row: 1, loadNumber: 'L1' }], NOW);
    recordOutcomes(
      db,
      id,
      [{ row: 1, loadNumber: 'L1', state: 'sent', statusCode: 201, message: null, mayHaveArrived: true }],
      NOW,
    );
    refreshRunCounts(db, id, 1);
    expect(countLoadsPerDay(db, '2026-01-01T00:00:00.000Z', 0)).toEqual([
      { day: '2026-11-22', succeeded: 1, failed: 2 },
    ]);
    expect(countLoadsPerDay(db, '2026-01-01T00:00:00.000Z', -600)).toEqual([
      { day: '2026-11-21', succeeded: 1, failed: 2 },
    ]);
  });
});
