import { describe, expect, it } from 'vitest';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { SIZE_HINT_RATIO } from '../../src/core/backup/format/limits';
import { expectedTextBytes } from '../../src/core/backup/scan/byte-source';
import { ScratchDatabase } from '../../src/core/backup/scratch/scratch-database';
import { exportDatabase, openDatabase } from '../../src/core/db/open';
import { countRows, readAllTables } from '../../src/core/db/tables';
import { loadSqlJs } from '../support/sqljs';
import { largeTables, writeTables } from './backup-support';

/**
 * A restore's database starts with room reserved in its file (scratch-database: pages past the
 * header's count, and no journal while loading). The database it gives must be an ordinary one:
 * the same rows, a clean integrity check, an export of only its own pages, and transactions that
 * roll back once it is live.
 */

describe('the pre-sized restore database', () => {
  it('holds the file’s rows, exports only its own pages and rolls back like any database', async () => {
    const SQL = await loadSqlJs();
    const tables = largeTables(3_000);
    const file = await writeTables(tables, { gzipAboveBytes: Infinity });
    const read = await loadBackup(SQL, file.bytes);
    if (!read.ok || !('candidate' in read)) throw new Error(JSON.stringify(read));
    const db = read.candidate.db;
    expect(readAllTables(db)).toEqual(tables);
    expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    expect(db.exec('PRAGMA journal_mode')[0]?.values).toEqual([['delete']]);
    expect(db.exec('PRAGMA cache_size')[0]?.values).toEqual(openDatabase(SQL).exec('PRAGMA cache_size')[0]?.values);

    const pages = Number(db.exec('PRAGMA page_count')[0]?.values[0]?.[0]);
    const pageSize = Number(db.exec('PRAGMA page_size')[0]?.values[0]?.[0]);
    const bytes = exportDatabase(db);
    expect(bytes.byteLength).toBe(pages * pageSize);
    expect(bytes.byteLength).toBeLessThan(file.bytes.byteLength);

    db.exec('BEGIN');
    db.exec('DELETE FROM processing_errors');
    db.exec('DELETE FROM upload_history');
    db.exec('ROLLBACK');
    expect(countRows(db)).toEqual(countRows(openDatabase(SQL, bytes)));
    expect(countRows(db).upload_history).toBe(3_000);
    db.close();
  });

  it('reserves no more than asked and still grows past the reservation', async () => {
    const SQL = await loadSqlJs();
    const tables = largeTables(2_000);
    for (const reserve of [0, 4096, 10_000_000]) {
      const scratch = ScratchDatabase.open(SQL, reserve);
      scratch.addTables(tables);
      scratch.finish();
      expect(scratch.problems.count).toBe(0);
      expect(readAllTables(scratch.db)).toEqual(tables);
      expect(scratch.db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
      scratch.close();
    }
  });

  it('takes the expected text size from a gzip file’s trailer, and a plain file’s size', async () => {
    const tables = largeTables(500);
    const plain = await writeTables(tables, { gzipAboveBytes: Infinity });
    const gzip = await writeTables(tables, { gzipAboveBytes: 0 });
    expect(gzip.isGzip).toBe(true);
    expect(await expectedTextBytes(plain.bytes, 'json')).toBe(plain.bytes.byteLength);
    const inflated = new Uint8Array(
      await new Response(
        new Blob([gzip.bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).arrayBuffer(),
    );
    expect(await expectedTextBytes(new Blob([gzip.bytes as Uint8Array<ArrayBuffer>]), 'gzip')).toBe(
      inflated.byteLength,
    );
  });

  it('never takes more from a size trailer than the file can fill: SIZE_HINT_RATIO times its size', async () => {
    const gzip = (await writeTables(largeTables(50), { gzipAboveBytes: 0 })).bytes.slice();
    new DataView(gzip.buffer).setUint32(gzip.byteLength - 4, 0xfffffff0, true);
    expect(await expectedTextBytes(gzip, 'gzip')).toBe(gzip.byteLength * SIZE_HINT_RATIO);
  });
});
