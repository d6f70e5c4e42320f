import { describe, expect, it } from 'vitest';
import { buildRestoredDatabase } from '../../src/core/backup/restore/build';
import { planRestore } from '../../src/core/backup/restore/plan';
import { readBackupFile } from '../../src/core/backup/read/read';
import { buildBackupFile } from '../../src/core/backup/write/write';
import { openDatabase } from '../../src/core/db/open';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import { readAllTables } from '../../src/core/db/tables';
import { loadSqlJs } from '../support/sqljs';
import { databaseWith, largeTables } from './backup-support';

/**
 * Backup speed against the floor of PERF.md, measured in the same run. Not a benchmark (CI must
 * not fail on a slow machine): the ratios checked are generous. BACKUP_PERF_ROWS=100000 prints
 * the figures at the size PERF.md targets.
 */
const ROWS = Number(process.env.BACKUP_PERF_ROWS ?? 10_000);

/** Median milliseconds of `runs` runs after one warm-up. */
async function median(work: () => unknown, runs = 3): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

describe(`backup speed at ${ROWS} upload rows`, () => {
  it('writes, reads and rebuilds within generous ratios of the floor', async () => {
    const SQL = await loadSqlJs();
    const db = databaseWith(SQL, largeTables(ROWS));
    const options = { activity: [], createdAt: '2026-01-01T00:00:00.000Z', trigger: 'manual', appVersion: 'bench', schemaVersion: SCHEMA_VERSION, secrets: 'plain' } as const;

    const floorWrite = await median(async () => {
      const text = JSON.stringify(readAllTables(db));
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    });
    const write = await median(() => buildBackupFile({ ...options, tables: readAllTables(db) }));
    const bytes = (await buildBackupFile({ ...options, tables: readAllTables(db) })).bytes;
    const floorRead = await median(() => JSON.parse(new TextDecoder().decode(bytes)));
    const read = await median(() => readBackupFile(bytes));
    const parsed = await readBackupFile(bytes);
    if (!parsed.ok || !('backup' in parsed)) throw new Error('expected a backup');
    const tables = parsed.backup.tables;
    const plan = await median(() => planRestore(tables, tables, 'merge'));
    const floorInsert = await median(() => {
      const fresh = databaseWith(SQL, tables);
      fresh.close();
    });
    const live = openDatabase(SQL);
    const rebuild = await median(() => {
      const built = buildRestoredDatabase(SQL, { tables, keepFrom: live, now: '2026-01-01T00:00:00.000Z', activity: { kind: 'restore', summary: 'bench', details: {} } });
      if (built.ok) built.value.close();
    });

    const report = {
      rows: ROWS, megabytes: +(bytes.length / 1e6).toFixed(1),
      write: { ms: Math.round(write), floorMs: Math.round(floorWrite), ratio: +(write / floorWrite).toFixed(2) },
      read: { ms: Math.round(read), jsonParseMs: Math.round(floorRead), ratio: +(read / floorRead).toFixed(2) },
      mergePlanMs: Math.round(plan),
      rebuild: { ms: Math.round(rebuild), plainInsertMs: Math.round(floorInsert), ratio: +(rebuild / floorInsert).toFixed(2) },
    };
    console.log(JSON.stringify(report));
    db.close();
    live.close();
    expect(report.write.ratio).toBeLessThan(3);
    expect(report.read.ratio).toBeLessThan(25);
    expect(report.rebuild.ratio).toBeLessThan(5);
  }, 300_000);
});
