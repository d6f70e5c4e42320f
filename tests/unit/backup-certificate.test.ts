import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../src/core/backup/checksum/database-rows';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { ScratchDatabase } from '../../src/core/backup/scratch/scratch-database';
import { writeBackupFile } from '../../src/core/backup/write/write';
import type { DataTables } from '../../src/core/db/rows';
import { DATA_TABLES, SCHEMA_VERSION, type DataTable } from '../../src/core/db/schema';
import { countRows, readAllTables } from '../../src/core/db/tables';
import { toStorableText } from '../../src/core/backup/format/text-rule';
import { loadSqlJs } from '../support/sqljs';
import { tablesArbitrary } from './backup-arbitraries';
import { databaseWith, sampleTables } from './backup-support';

/**
 * The restore's certificate computed from the rows as they are bound (checksum/bound-rows) must be
 * the checksum of the database as stored, read back from SQLite — whenever it gives one at all;
 * when its premises fail it gives none and the database is read back instead.
 */

const OPTIONS = {
  createdAt: '2026-11-22T17:00:03.120Z',
  trigger: 'manual',
  appVersion: 'certificate',
  schemaVersion: SCHEMA_VERSION,
  secrets: 'plain',
} as const;

/** Inserts `tables` into a fresh scratch database in the given row order; returns both checksums. */
async function certify(tables: DataTables, order: readonly DataTable[] = DATA_TABLES, reverseRows = false) {
  const SQL = await loadSqlJs();
  const scratch = ScratchDatabase.open(SQL);
  try {
    for (const table of order) {
      const rows = reverseRows ? [...tables[table]].reverse() : tables[table];
      rows.forEach((row, index) => scratch.add(table, row, index));
    }
    scratch.finish();
    expect(scratch.problems.count).toBe(0);
    const asBound = await scratch.certificate.finish(countRows(scratch.db));
    return { asBound, readBack: await databaseChecksum(scratch.db), reason: scratch.certificate.reasonToReadBack };
  } finally {
    scratch.close();
  }
}

describe('the certificate of the rows as bound', () => {
  it('equals the checksum read back from SQLite, over generated databases (any Unicode, numbers, nulls)', async () => {
    const SQL = await loadSqlJs();
    await fc.assert(
      fc.asyncProperty(tablesArbitrary, async (generated) => {
        // The rows as a file carries them: as the database holds them, in storable text (the
        // database keeps one of two leading U+FEFF), in id order.
        const db = databaseWith(SQL, generated);
        const stored = readAllTables(db);
        db.close();
        for (const table of DATA_TABLES) {
          for (const row of stored[table] as unknown as Record<string, unknown>[]) {
            for (const [key, value] of Object.entries(row))
              if (typeof value === 'string') row[key] = toStorableText(value);
          }
        }
        const { asBound, readBack, reason } = await certify(stored);
        expect(reason).toBeNull();
        expect(asBound).toBe(readBack);
      }),
      { numRuns: 60, seed: 20261201 },
    );
  }, 120_000);

  it('gives none, so the database is read back, when rows or sections are not in canonical order', async () => {
    const tables = sampleTables();
    const reversed = await certify(tables, DATA_TABLES, true);
    expect(reversed.asBound).toBeNull();
    expect(reversed.reason).toMatch(/increasing id order/);
    const swapped = await certify(tables, [
      'brokerages',
      'brokerage_configurations',
      'processing_errors',
      'upload_history',
      'configuration_changes',
    ]);
    expect(swapped.asBound).toBeNull();
    expect(swapped.reason).toMatch(/comes after a later one/);
  });

  it('gives none for a value SQLite might store differently (a number in a text column, broken text)', async () => {
    const base = sampleTables();
    const numberAsText = {
      ...base,
      upload_history: base.upload_history.map((row, i) =>
        i === 0 ? { ...row, filename: 42 as unknown as string } : row,
      ),
    };
    expect((await certify(numberAsText)).reason).toMatch(/upload_history\.filename holds a value/);
    const lone = {
      ...base,
      upload_history: base.upload_history.map((row, i) => (i === 0 ? { ...row, filename: 'a\uD800b' } : row)),
    };
    expect((await certify(lone)).reason).toMatch(/upload_history\.filename/);
    const fraction = {
      ...base,
      upload_history: base.upload_history.map((row, i) => (i === 0 ? { ...row, total_records: 1.5 } : row)),
    };
    expect((await certify(fraction)).reason).toMatch(/total_records/);
  });

  it('gives none when the database has a trigger or a column of another declared type', async () => {
    const SQL = await loadSqlJs();
    for (const sql of [
      'CREATE TRIGGER t AFTER INSERT ON brokerages BEGIN SELECT 1; END',
      'ALTER TABLE upload_history RENAME COLUMN filename TO filename_old; ALTER TABLE upload_history ADD COLUMN filename NUMERIC',
    ]) {
      const scratch = ScratchDatabase.open(SQL);
      scratch.db.exec('COMMIT');
      scratch.db.exec(sql);
      // A fresh certificate sees the schema as it is now.
      const { BoundRowsHasher } = await import('../../src/core/backup/checksum/bound-rows');
      expect(BoundRowsHasher.start(scratch.db).reasonToReadBack).toMatch(/trigger|declared NUMERIC/);
      scratch.close();
    }
  });

  it('a restore of a file whose rows were reordered is still certified exactly (read back)', async () => {
    const SQL = await loadSqlJs();
    const db = databaseWith(SQL, sampleTables());
    const written = await writeBackupFile(db, [], OPTIONS);
    const file = JSON.parse(new TextDecoder().decode(new Uint8Array(await written.blob.arrayBuffer()))) as Record<
      string,
      unknown[]
    >;
    // The same data with the uploads in reverse id order: the same checksum, rows out of id order.
    expect(file.upload_history?.length).toBeGreaterThan(1);
    file.upload_history?.reverse();
    const loaded = await loadBackup(SQL, new TextEncoder().encode(JSON.stringify(file)));
    if (!loaded.ok || !('candidate' in loaded)) throw new Error(JSON.stringify(loaded));
    expect(loaded.candidate.checksum).toBe(written.checksum);
    expect(await databaseChecksum(loaded.candidate.db)).toBe(written.checksum);
    loaded.candidate.db.close();
    db.close();
  });
});
