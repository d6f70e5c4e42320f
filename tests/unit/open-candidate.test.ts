import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabaseCandidate } from '../../src/core/backup/load/open-candidate';
import { loadSqlJs } from '../support/sqljs';
import { databaseWith, sampleTables } from './backup-support';

describe('a snapshot (a database image) opened as a restore candidate', () => {
  it('is not held to a backup file’s compression bound: an image that compresses a thousandfold still opens', async () => {
    const SQL = await loadSqlJs();
    const tables = sampleTables();
    // One 70 MB error message of a single repeated letter: the image gzips to well under 1 MB.
    tables.processing_errors[0] = {
      ...(tables.processing_errors[0] as (typeof tables.processing_errors)[number]),
      error_message: 'a'.repeat(70_000_000),
    };
    const db = databaseWith(SQL, tables);
    const image = gzipSync(db.export());
    db.close();
    expect(image.byteLength * 200).toBeLessThan(70_000_000);
    const opened = await openDatabaseCandidate(SQL, new Uint8Array(image), {
      label: 'Snapshot',
      createdAt: '2026-11-22T17:00:03.120Z',
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.candidate.counts.processing_errors).toBe(2);
    opened.candidate.db.close();
  }, 60_000);
});
