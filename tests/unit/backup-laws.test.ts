import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../src/core/backup/checksum/database-rows';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { buildMerged, finishReplace } from '../../src/core/backup/restore/build';
import { writeBackupFile } from '../../src/core/backup/write/write';
import { readAllActivity } from '../../src/core/db/activity';
import { openDatabase } from '../../src/core/db/open';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import type { Database, SqlJsStatic } from '../../src/core/db/sql-types';
import { loadSqlJs } from '../support/sqljs';
import { activityArbitrary, tablesArbitrary } from './backup-arbitraries';
import { databaseWith } from './backup-support';

/**
 * The laws of docs/backup-format.md, checked over generated databases (fast-check): whatever the
 * app writes its reader accepts and gives back exactly — rows, header and activity log, so writing
 * what was read gives the same file; merging twice is merging once; replacing twice is replacing once. Text is
 * arbitrary Unicode — unpaired surrogates and byte-order marks
 * included — and goes through the database first, as in the app.
 */

const RUNS = 40;

const OPTIONS = {
  createdAt: '2026-11-22T17:00:03.120Z',
  trigger: 'manual',
  appVersion: 'laws',
  schemaVersion: SCHEMA_VERSION,
  secrets: 'plain',
} as const;
const ACTIVITY = { kind: 'restore' as const, summary: 'law', details: {} };

async function writeAndLoad(SQL: SqlJsStatic, db: Database): Promise<{ checksum: string; file: Database }> {
  const written = await writeBackupFile(db, [], OPTIONS);
  const loaded = await loadBackup(SQL, written.blob);
  if (!loaded.ok || !('candidate' in loaded))
    throw new Error(`the reader refused what the writer wrote: ${JSON.stringify(loaded)}`);
  expect(loaded.candidate.checksum).toBe(written.checksum);
  // What the reader certified is what its database holds, read back from SQLite.
  expect(await databaseChecksum(loaded.candidate.db)).toBe(loaded.candidate.checksum);
  return { checksum: written.checksum, file: loaded.candidate.db };
}

describe('laws of the backup format (property-based)', () => {
  it('write → read → build → write gives the same checksum: whatever the app writes, its reader accepts', async () => {
    const SQL = await loadSqlJs();
    await fc.assert(
      fc.asyncProperty(tablesArbitrary, async (tables) => {
        const db = databaseWith(SQL, tables);
        const live = openDatabase(SQL);
        try {
          const first = await writeAndLoad(SQL, db);
          const built = await finishReplace(first.file, live, {
            now: OPTIONS.createdAt,
            activity: ACTIVITY,
            origin: null,
          });
          if (!built.ok) throw new Error(built.error.detail);
          const second = await writeAndLoad(SQL, built.value);
          expect(second.checksum).toBe(first.checksum);
          expect(await databaseChecksum(db)).toBe(first.checksum);
          built.value.close();
          second.file.close();
        } finally {
          db.close();
          live.close();
        }
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
  }, 120_000);

  it('write → read → write gives the same file byte for byte — header, rows and activity log — so both checksums hold', async () => {
    const SQL = await loadSqlJs();
    await fc.assert(
      fc.asyncProperty(tablesArbitrary, activityArbitrary, async (tables, entries) => {
        const db = databaseWith(SQL, tables);
        let candidate: Database | null = null;
        try {
          for (const e of entries)
            db.run('INSERT INTO activity_log (at, kind, summary, details) VALUES (?, ?, ?, ?)', [
              e.at,
              e.kind,
              e.summary,
              e.details,
            ]);
          const first = await writeBackupFile(db, readAllActivity(db), OPTIONS);
          const loaded = await loadBackup(SQL, first.blob);
          if (!loaded.ok || !('candidate' in loaded))
            throw new Error(`the reader refused what the writer wrote: ${JSON.stringify(loaded)}`);
          candidate = loaded.candidate.db;
          // Nothing the file says is left unproven: no warning about its header or activity log.
          expect(loaded.candidate.warnings).toEqual([]);
          // Every entry the app logged is in the file (in its storable form).
          expect(readAllActivity(candidate)).toHaveLength(entries.length);
          const second = await writeBackupFile(candidate, readAllActivity(candidate), OPTIONS);
          expect(await second.blob.text()).toBe(await first.blob.text());
        } finally {
          db.close();
          candidate?.close();
        }
      }),
      { numRuns: RUNS, seed: 20261207 },
    );
  }, 120_000);

  it('merging a file twice gives the same database as merging it once; replacing twice as replacing once', async () => {
    const SQL = await loadSqlJs();
    await fc.assert(
      fc.asyncProperty(tablesArbitrary, tablesArbitrary, async (here, there) => {
        const liveDb = databaseWith(SQL, here);
        const fileSource = databaseWith(SQL, there);
        const { file } = await writeAndLoad(SQL, fileSource);
        try {
          const once = await buildMerged(SQL, liveDb, file, {
            now: OPTIONS.createdAt,
            activity: ACTIVITY,
            origin: null,
          });
          if (!once.ok) throw new Error(once.error.detail);
          const twice = await buildMerged(SQL, once.value.db, file, {
            now: OPTIONS.createdAt,
            activity: ACTIVITY,
            origin: null,
          });
          if (!twice.ok) throw new Error(twice.error.detail);
          expect(twice.value.checksum).toBe(once.value.checksum);
          expect(twice.value.changed).toBe(false);
          // What merging never does: delete. Every row here is still there.
          for (const table of ['brokerages', 'upload_history'] as const) {
            expect(
              Number(once.value.db.exec(`SELECT COUNT(*) FROM ${table}`)[0]?.values[0]?.[0]),
            ).toBeGreaterThanOrEqual(here[table].length);
          }
          once.value.db.close();
          twice.value.db.close();

          const fileChecksum = await databaseChecksum(file);
          const { file: copy1 } = await writeAndLoad(SQL, fileSource);
          const replacedOnce = await finishReplace(copy1, liveDb, {
            now: OPTIONS.createdAt,
            activity: ACTIVITY,
            origin: null,
          });
          if (!replacedOnce.ok) throw new Error(replacedOnce.error.detail);
          const { file: copy2 } = await writeAndLoad(SQL, fileSource);
          const replacedTwice = await finishReplace(copy2, replacedOnce.value, {
            now: OPTIONS.createdAt,
            activity: ACTIVITY,
            origin: null,
          });
          if (!replacedTwice.ok) throw new Error(replacedTwice.error.detail);
          expect(await databaseChecksum(replacedOnce.value)).toBe(fileChecksum);
          expect(await databaseChecksum(replacedTwice.value)).toBe(fileChecksum);
          replacedOnce.value.close();
          replacedTwice.value.close();
        } finally {
          liveDb.close();
          fileSource.close();
          file.close();
        }
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
  }, 120_000);
});
