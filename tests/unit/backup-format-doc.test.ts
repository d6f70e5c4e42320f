import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// A second writer of docs/backup-format.md, written from the document (the 1M bench uses it).
import { writeMillionFile } from '../../bench/node/million-file.mjs';
import { readFile } from './backup-support';

describe('the format as documented', () => {
  it('a file written by an independent implementation of docs/backup-format.md is read, with the same checksum', async () => {
    const path = join(tmpdir(), `ff2api-doc-${process.pid}.json`);
    const written = await writeMillionFile(path, { uploads: 2000, errors: 1000 });
    const read = await readFile(new Uint8Array(readFileSync(path)));
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read).slice(0, 400));
    expect(read.backup.checksum).toBe(written.checksum);
    // Its file checksum, over the header and the activity log, was computed from the document too.
    expect(read.backup.warnings).toEqual([]);
    expect(read.backup.activity.map((entry) => entry.kind)).toEqual(['backup', 'verify']);
    expect(read.backup.fileCounts).toMatchObject({
      upload_history: 2000,
      processing_errors: 1000,
      brokerage_configurations: 200,
    });
  });
});
