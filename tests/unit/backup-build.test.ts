import { describe, expect, it } from 'vitest';
import { buildRestoredDatabase, verifyDatabase } from '../../src/core/backup/restore/build';
import { listActivity, logActivity } from '../../src/core/db/activity';
import { META_KEYS, readDatabaseTimes, writeMeta } from '../../src/core/db/meta';
import { exportDatabase } from '../../src/core/db/open';
import type { DataTables } from '../../src/core/db/rows';
import type { Database } from '../../src/core/db/sql-types';
import { readAllTables } from '../../src/core/db/tables';
import { loadSqlJs } from '../support/sqljs';
import { databaseWith, emptyTables, sampleTables } from './backup-support';

const NOW = '2026-12-01T09:00:00.000Z';

/** A live database with data, times and an activity entry of its own. */
async function liveDatabase(): Promise<Database> {
  const SQL = await loadSqlJs();
  const live = databaseWith(SQL, { ...emptyTables(), brokerages: [{ id: 1, name: 'Live', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', is_active: 1 }] });
  writeMeta(live, META_KEYS.createdAt, '2026-01-01T00:00:00.000Z');
  writeMeta(live, META_KEYS.lastBackupAt, '2026-11-30T00:00:00.000Z');
  writeMeta(live, META_KEYS.lastChangeAt, '2026-11-30T12:00:00.000Z');
  logActivity(live, { at: '2026-11-30T00:00:00.000Z', kind: 'backup', summary: 'Backup downloaded', details: { fileName: 'a.json' } });
  return live;
}

async function build(tables: DataTables, live: Database) {
  return buildRestoredDatabase(await loadSqlJs(), {
    tables, keepFrom: live, now: NOW, activity: { kind: 'restore', summary: 'Replaced the database with b.json', details: { mode: 'replace' } },
  });
}

describe('buildRestoredDatabase', () => {
  it('builds a database holding exactly the tables, with this browser’s own bookkeeping carried over', async () => {
    const live = await liveDatabase();
    const progress: number[] = [];
    const built = buildRestoredDatabase(await loadSqlJs(), {
      tables: sampleTables(), keepFrom: live, now: NOW, onProgress: (f) => progress.push(f),
      activity: { kind: 'restore', summary: 'Replaced the database with b.json', details: { mode: 'replace' } },
    });
    if (!built.ok) throw new Error(built.error.detail);
    const db = built.value;
    expect(readAllTables(db)).toEqual(sampleTables());
    expect(readDatabaseTimes(db)).toEqual({
      createdAt: '2026-01-01T00:00:00.000Z', lastBackupAt: '2026-11-30T00:00:00.000Z', restoredAt: NOW, lastChangeAt: NOW,
    });
    expect(listActivity(db).map((a) => [a.id, a.kind, a.summary])).toEqual([
      [2, 'restore', 'Replaced the database with b.json'],
      [1, 'backup', 'Backup downloaded'],
    ]);
    expect(progress.at(-1)).toBe(1);
    // Indexes dropped for the load are back.
    const indexes = db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")[0]?.values.flat();
    expect(indexes).toEqual(['configuration_changes_by_config', 'processing_errors_by_upload', 'upload_history_by_brokerage', 'upload_history_newest']);
    expect(db.exec('PRAGMA foreign_keys')[0]?.values[0]?.[0]).toBe(1);
    db.close();
    live.close();
  });

  const broken: [string, (tables: DataTables) => void, string][] = [
    ['an error linked to an upload that is not there', (t) => { t.processing_errors[0]!.upload_history_id = 999; }, 'restore-failed'],
    ['a configuration of a brokerage that is not there', (t) => { t.brokerage_configurations[0]!.brokerage_name = 'Nobody'; }, 'restore-failed'],
    ['two configurations with the same names', (t) => { t.brokerage_configurations[1] = { ...t.brokerage_configurations[0]!, id: 12 }; }, 'restore-failed'],
    ['a missing file name', (t) => { (t.upload_history[0] as { filename: unknown }).filename = null; }, 'restore-failed'],
    ['a count that the database stores differently than planned', (t) => { (t.upload_history[0] as { total_records: unknown }).total_records = '10'; }, 'restore-unverified'],
  ];

  it.each(broken)('fails on %s and leaves the live database byte for byte as it was', async (_, breakTables, code) => {
    const live = await liveDatabase();
    const before = exportDatabase(live);
    const tables = sampleTables();
    breakTables(tables);
    const built = await build(tables, live);
    expect(built).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('Nothing was changed.') } });
    expect(exportDatabase(live)).toEqual(before);
    expect(readAllTables(live).brokerages.map((b) => b.name)).toEqual(['Live']);
    live.close();
  });

  it('logs an undo as an undo', async () => {
    const live = await liveDatabase();
    const built = buildRestoredDatabase(await loadSqlJs(), { tables: emptyTables(), keepFrom: live, now: NOW, activity: { kind: 'undo', summary: 'Undid the restore', details: {} } });
    if (!built.ok) throw new Error('expected a database');
    expect(listActivity(built.value, 1)[0]).toMatchObject({ kind: 'undo', summary: 'Undid the restore', at: NOW });
    built.value.close();
    live.close();
  });

  it('verification notices a row that differs from the plan', async () => {
    const SQL = await loadSqlJs();
    const db = databaseWith(SQL, sampleTables());
    const expected = sampleTables();
    expected.upload_history[1]!.filename = 'other.csv';
    expect(verifyDatabase(db, expected)).toBe('upload_history: row id 102 reads back differently');
    expect(verifyDatabase(db, sampleTables())).toBeNull();
    db.close();
  });
});
