import { describe, expect, it } from 'vitest';
import { computeChecksum } from '../../src/core/backup/checksum/canonical';
import { largeTables, readFile, sampleTables, text, writeTables } from './backup-support';

describe('write → read round trip (format 2.2)', () => {
  it('a plain file gives back every row exactly, with the checksum of the rows', async () => {
    const tables = sampleTables();
    const written = await writeTables(tables);
    expect(written.checksum).toBe(await computeChecksum(tables));
    const lines = text(written.bytes).split('\n');
    expect(lines[0]).toMatch(/^\{"backup_info":\{"format":"ff2api_backup","version":"2.2"/);
    const read = await readFile(written.bytes);
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.tables).toEqual(tables);
    expect(read.backup.checksum).toBe(written.checksum);
    expect(JSON.parse(text(written.bytes)).brokerages).toHaveLength(3);
  });

  it('encrypted files stream in sealed chunks and open with the passphrase', async () => {
    const tables = largeTables(3000);
    const written = await writeTables(tables, { secrets: 'encrypted', passphrase: 'correct horse' });
    const read = await readFile(written.bytes, { passphrase: 'correct horse' });
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.tables.upload_history).toHaveLength(3000);
    expect(read.backup.checksum).toBe(written.checksum);
    const wrong = await readFile(written.bytes, { passphrase: 'wrong' });
    expect(wrong.ok ? 'read' : wrong.error.code).toBe('wrong-passphrase');
    const locked = await readFile(written.bytes);
    expect(locked.ok && 'locked' in locked).toBe(true);
  });

  it('gzip above a size, read back the same', async () => {
    const tables = largeTables(500);
    const written = await writeTables(tables, { gzipAboveBytes: 0 });
    expect(written.isGzip).toBe(true);
    expect(written.bytes[0]).toBe(0x1f);
    const read = await readFile(written.bytes);
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.checksum).toBe(written.checksum);
  });
});

describe('the streaming checksum', () => {
  it('gives the digest of the canonical text, kept for WebCrypto or fed incrementally, rows as text or as bytes', async () => {
    const { CanonicalHasher } = await import('../../src/core/backup/checksum/streaming-hash');
    const { DATA_TABLES } = await import('../../src/core/db/schema');
    const { createHash } = await import('node:crypto');
    // Past 4 MB pieces and 1 MB batches; a few rows larger than a piece.
    const row = (t: number, i: number) =>
      JSON.stringify({ id: i, text: `é ${'x'.repeat(((i * 7 + t) % 300) + (t === 1 && i === 5 ? 4_500_000 : 0))} 😀` });
    const expected = createHash('sha256');
    expected.update(
      `{${DATA_TABLES.map((table, t) => `${JSON.stringify(table)}:[${Array.from({ length: 6000 }, (_, i) => row(t, i)).join(',')}]`).join(',')}}`,
    );
    const digest = expected.digest('hex');
    const encoder = new TextEncoder();
    // With a size hint: far too small, about right (one piece, no join), far too large.
    const cases = [
      [Number.MAX_SAFE_INTEGER, 0],
      [0, 0],
      [5_000_000, 0],
      [Number.MAX_SAFE_INTEGER, 6_000_000],
      [Number.MAX_SAFE_INTEGER, 40_000_000],
      [5_000_000, 40_000_000],
    ];
    for (const [limit, expectedBytes] of cases as [number, number][]) {
      for (const asBytes of [false, true]) {
        const hasher =
          expectedBytes > 0 ? CanonicalHasher.start(limit, expectedBytes) : await CanonicalHasher.create(limit);
        DATA_TABLES.forEach((table, t) => {
          hasher.startSection(table);
          for (let i = 0; i < 6000; i++) {
            if (asBytes && i % 2 === 0) hasher.addRowBytes(encoder.encode(row(t, i)));
            else hasher.addRow(row(t, i));
          }
        });
        expect(await hasher.finish(), `limit ${limit}, hint ${expectedBytes}, bytes ${asBytes}`).toBe(digest);
      }
    }
  });
});
