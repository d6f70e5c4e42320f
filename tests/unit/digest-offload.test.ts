import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { DigestOffload, StartDigestOffload } from '../../src/core/backup/checksum/digest-offload';
import { CanonicalHasher } from '../../src/core/backup/checksum/streaming-hash';
import { DATA_TABLES } from '../../src/core/db/schema';
import { largeTables, readFile, sampleTables, utf8, writeTables } from './backup-support';

/**
 * A checksum worked out elsewhere (platform/digest-worker.ts in the browser) must be the one the
 * thread would have worked out, from pieces the hasher never touches again once handed over; and
 * when the helper fails, a restore and a backup still finish with the right checksum, computed
 * in the thread instead. The helper here is the same incremental SHA-256 run in-process, which
 * wipes every piece it was given (as a transfer to a worker would leave it unusable here).
 */

interface Helper {
  start: StartDigestOffload;
  jobs: { pieces: number; cancelled: boolean; digested: boolean }[];
}

function inProcessHelper(options: { fails?: boolean } = {}): Helper {
  const jobs: Helper['jobs'] = [];
  const start = (): DigestOffload => {
    const hash = sha256.create();
    const job = { pieces: 0, cancelled: false, digested: false };
    jobs.push(job);
    return {
      update: (piece) => {
        hash.update(piece);
        piece.fill(0);
        job.pieces++;
      },
      digest: async () => {
        job.digested = true;
        if (options.fails) throw new Error('the helper stopped');
        return hash.digest();
      },
      cancel: () => {
        job.cancelled = true;
      },
    };
  };
  return { start, jobs };
}

describe('offloaded digests', () => {
  it('give the digest of the canonical text, from pieces never touched after they are handed over', async () => {
    const row = (t: number, i: number) =>
      JSON.stringify({ id: i, text: `é ${'x'.repeat(((i * 7 + t) % 300) + (t === 2 && i === 9 ? 3_000_000 : 0))} 😀` });
    const expected = createHash('sha256')
      .update(
        `{${DATA_TABLES.map((table, t) => `${JSON.stringify(table)}:[${Array.from({ length: 4000 }, (_, i) => row(t, i)).join(',')}]`).join(',')}}`,
      )
      .digest('hex');
    const helper = inProcessHelper();
    const hasher = CanonicalHasher.start(undefined, 0, helper.start());
    DATA_TABLES.forEach((table, t) => {
      hasher.startSection(table);
      for (let i = 0; i < 4000; i++) {
        if (i % 2 === 0) hasher.addRowBytes(utf8(row(t, i)));
        else hasher.addRow(row(t, i));
      }
    });
    expect(await hasher.finish()).toBe(expected);
    expect(helper.jobs[0]?.pieces).toBeGreaterThanOrEqual(3);
  });

  it('certify a restore, which reads the database back when the helper fails', async () => {
    const written = await writeTables(largeTables(3000));
    for (const fails of [false, true]) {
      const helper = inProcessHelper({ fails });
      const read = await readFile(written.bytes, { digestOffload: helper.start });
      expect(read.ok && 'backup' in read ? read.backup.checksum : read).toBe(written.checksum);
      expect(helper.jobs).toHaveLength(1);
      expect(helper.jobs[0]?.digested).toBe(true);
    }
  });

  it('are dropped when a restore is refused before its checksum is worked out', async () => {
    const written = await writeTables(sampleTables());
    const file = new TextDecoder().decode(written.bytes);
    // A broken link is refused once the rows are in; an edited text only by its checksum.
    for (const [edited, code, digested] of [
      [file.replace('"Beta Freight"', '"Beta Frieght"'), 'invalid-backup', false],
      [file.replace('Line one', 'Line 0ne'), 'checksum-mismatch', true],
    ] as const) {
      const helper = inProcessHelper();
      const read = await readFile(utf8(edited), { digestOffload: helper.start });
      expect(read.ok ? read : read.error.code).toBe(code);
      expect(helper.jobs[0]).toMatchObject({ cancelled: true, digested });
    }
  });

  it('give a backup the same checksum and bytes, written again in the thread when the helper fails', async () => {
    const tables = largeTables(2000);
    const plain = await writeTables(tables);
    for (const fails of [false, true]) {
      const helper = inProcessHelper({ fails });
      const offloaded = await writeTables(tables, { digestOffload: helper.start });
      expect(offloaded.checksum).toBe(plain.checksum);
      expect(Buffer.from(offloaded.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
      expect(helper.jobs[0]?.digested).toBe(true);
    }
  });
});
