import { describe, expect, it } from 'vitest';
import { computeChecksum } from '../../src/core/backup/checksum/canonical';
import { largeTables, readFile, sampleTables, text, writeTables } from './backup-support';

describe('write → read round trip (format 2.1)', () => {
  it('a plain file gives back every row exactly, with the checksum of the rows', async () => {
    const tables = sampleTables();
    const written = await writeTables(tables);
    expect(written.checksum).toBe(await computeChecksum(tables));
    const lines = text(written.bytes).split('\n');
    expect(lines[0]).toMatch(/^\{"backup_info":\{"format":"ff2api_backup","version":"2.1"/);
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
  it('gives the same digest kept for WebCrypto as fed incrementally to @noble/hashes', async () => {
    const { CanonicalHasher } = await import('../../src/core/backup/checksum/streaming-hash');
    const { DATA_TABLES } = await import('../../src/core/db/schema');
    const digests: string[] = [];
    for (const limit of [Number.MAX_SAFE_INTEGER, 0, 5_000]) {
      const hasher = await CanonicalHasher.create(limit);
      for (const table of DATA_TABLES) {
        hasher.startSection(table);
        for (let i = 0; i < 3000; i++) hasher.addRow(JSON.stringify({ id: i, text: `é ${'x'.repeat(i % 400)} 😀` }));
      }
      digests.push(await hasher.finish());
    }
    expect(new Set(digests).size).toBe(1);
  });
});
