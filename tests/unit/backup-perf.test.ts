import { describe, expect, it } from 'vitest';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { finishReplace } from '../../src/core/backup/restore/build';
import { writeBackupFile } from '../../src/core/backup/write/write';
import { openDatabase } from '../../src/core/db/open';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import { readAllTables } from '../../src/core/db/tables';
import { loadSqlJs } from '../support/sqljs';
import { databaseWith, largeTables } from './backup-support';

/**
 * Backup and restore speed against the floor of PERF.md, measured in the same run. Not a
 * benchmark (CI must not fail on a slow machine): the ratios checked are generous.
 * BACKUP_PERF_ROWS=100000 prints the figures at the size PERF.md targets.
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
    const tables = largeTables(ROWS);
    const db = databaseWith(SQL, tables);
    const options = { createdAt: '2026-01-01T00:00:00.000Z', trigger: 'manual', appVersion: 'bench', schemaVersion: SCHEMA_VERSION, secrets: 'plain' } as const;

    const floorWrite = await median(async () => {
      const text = JSON.stringify(readAllTables(db));
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    });
    const write = await median(() => writeBackupFile(db, [], options));
    const bytes = new Uint8Array(await (await writeBackupFile(db, [], options)).blob.arrayBuffer());
    const floorRead = await median(() => {
      JSON.parse(new TextDecoder().decode(bytes));
      databaseWith(SQL, tables).close();
    });
    const live = openDatabase(SQL);
    const restore = await median(async () => {
      const loaded = await loadBackup(SQL, bytes);
      if (!loaded.ok || !('candidate' in loaded)) throw new Error('expected a backup');
      const done = await finishReplace(loaded.candidate.db, live, { now: options.createdAt, activity: { kind: 'restore', summary: 'bench', details: {} }, origin: null });
      if (done.ok) done.value.close();
    });
    const report = {
      rows: ROWS, megabytes: +(bytes.length / 1e6).toFixed(1),
      write: { ms: Math.round(write), floorMs: Math.round(floorWrite), ratio: +(write / floorWrite).toFixed(2) },
      restore: { ms: Math.round(restore), floorMs: Math.round(floorRead), ratio: +(restore / floorRead).toFixed(2) },
    };
    console.log(JSON.stringify(report));
    db.close();
    live.close();
    expect(report.write.ratio).toBeLessThan(4);
    expect(report.restore.ratio).toBeLessThan(5);
  }, 300_000);
});
