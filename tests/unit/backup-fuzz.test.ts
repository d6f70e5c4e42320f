import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../src/core/backup/checksum/database-rows';
import { loadBackup, type LoadResult } from '../../src/core/backup/load/load-backup';
import { MAX_BACKUP_BYTES, maxInflatedBytes, SIZE_HINT_RATIO } from '../../src/core/backup/format/limits';
import { expectedTextBytes, readJsonChunks } from '../../src/core/backup/scan/byte-source';
import { scanTopLevel } from '../../src/core/backup/scan/json-scanner';
import { loadSqlJs } from '../support/sqljs';
import { encrypted20Bomb, encrypted21Bomb, gzipBomb, lyingGzip, plainGzipBomb } from './backup-bombs';
import { fixtureBytes, largeTables, sampleTables, text, writeTables } from './backup-support';

/**
 * A seeded fuzz test of the reader: thousands of mutations of real files (ours 2.2, 2.1 and 2.0,
 * plain and encrypted; the original's backup and export), each read as the app reads it. The
 * reader must never throw, never answer "unexpected", never touch Object.prototype, and whatever
 * it accepts must be certified: the database it built hashes to the checksum it reports. Damaged
 * `.json.gz` files are refused as `not-gzip`, saying where; decompression bombs are refused
 * early, within stated bounds of time and memory.
 */

const MUTATIONS = 2000;
const SEED = 0x5eed7;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  'null',
  'true',
  '-1',
  '1e309',
  '9007199254740993',
  '"\\ud800"',
  '"\\ufeffx"',
  '"__proto__":1,',
  '"9999-12-31T23:59:59-01:00"',
  '[[[[[[[[[[',
  '\u0000',
  '\uFEFF',
  '"2.0"',
  '"3.0"',
  '"version":"2.1",',
];
const KNOWN_CODES = new Set([
  'too-big',
  'inflates-too-much',
  'empty-file',
  'zip-file',
  'not-gzip',
  'not-text',
  'truncated-json',
  'not-json',
  'not-a-backup',
  'newer-version',
  'unknown-version',
  'invalid-backup',
  'counts-mismatch',
  'checksum-mismatch',
  'wrong-passphrase',
  'sealed-corrupt',
  'too-large-for-browser',
]);

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const at = Math.floor(next() * text.length);
  const token = TOKENS[Math.floor(next() * TOKENS.length)] as string;
  switch (Math.floor(next() * 8)) {
    case 0: {
      // one byte changed
      const copy = bytes.slice();
      copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
      return copy;
    }
    case 1:
      return utf8(text.slice(0, at) + token + text.slice(at));
    case 2:
      return utf8(text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40)));
    case 3:
      return bytes.slice(0, at);
    case 4: {
      // a line repeated elsewhere
      const lines = text.split('\n');
      const line = lines[Math.floor(next() * lines.length)] ?? '';
      lines.splice(Math.floor(next() * lines.length), 0, line);
      return utf8(lines.join('\n'));
    }
    case 5: {
      // two lines swapped
      const lines = text.split('\n');
      const i = Math.floor(next() * lines.length);
      const j = Math.floor(next() * lines.length);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      return utf8(lines.join('\n'));
    }
    case 6: // a character in a value changed to a lookalike or a broken one
      return utf8(text.slice(0, at) + ['\uD800', '\uFEFF', 'é', '0', '"'][Math.floor(next() * 5)] + text.slice(at + 1));
    default: // a digit replaced by a large number
      return utf8(
        text.replace(/\d/g, (d, offset: number) =>
          offset === at || (offset > at && next() < 0.01) ? '4503599627370497' : d,
        ),
      );
  }
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The process's peak resident memory so far, in MB (each test file runs in a process of its own). */
function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Processor time (ms, every thread of this process: zlib inflates on others) that `work` takes.
 * Unlike the time on the clock, it hardly changes when other work shares the machine.
 */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The yardstick for "refused early": streaming `gzip`'s whole text through the scanner — the
 * least a reader does that has no bound on the text it inflates.
 */
async function readWhole(gzip: Uint8Array): Promise<void> {
  for await (const event of scanTopLevel(readJsonChunks(gzip, undefined, MAX_BACKUP_BYTES))) void event;
}

function codeOf(result: LoadResult): string {
  if (!result.ok) return result.error.code;
  if ('candidate' in result) result.candidate.db.close();
  return 'accepted';
}

/** One seeded kind of damage to a gzip file, with what the refusal must then say. */
function damageGzip(
  bytes: Uint8Array,
  next: () => number,
): { bytes: Uint8Array; at: number; expect: 'data-at-or-after' | 'ends-early' | 'after-end' | 'header' | 'any' } {
  const at = Math.floor(next() * bytes.length);
  const copy = bytes.slice();
  switch (Math.floor(next() * 8)) {
    case 7: {
      // The compression method (byte 2) or the flags (byte 3) of the header.
      const headerByte = 2 + Math.floor(next() * 2);
      copy[headerByte] = headerByte === 2 ? 1 + Math.floor(next() * 7) : 0x20 << Math.floor(next() * 3);
      return { bytes: copy, at: headerByte, expect: 'header' };
    }
    case 0:
      copy[at] = (copy[at] as number) ^ (1 << Math.floor(next() * 8));
      return { bytes: copy, at, expect: at >= 10 && at < bytes.length - 8 ? 'data-at-or-after' : 'any' };
    case 1:
      copy[at] = Math.floor(next() * 256);
      return { bytes: copy, at, expect: at >= 10 && at < bytes.length - 8 ? 'data-at-or-after' : 'any' };
    case 2:
      return { bytes: bytes.slice(0, at), at, expect: 'ends-early' };
    case 3: {
      const junk = Array.from({ length: 1 + Math.floor(next() * 40) }, () => 0x20 + Math.floor(next() * 90));
      return { bytes: new Uint8Array([...bytes, ...junk]), at: bytes.length, expect: 'after-end' };
    }
    case 4:
      return {
        bytes: new Uint8Array([...bytes.subarray(0, at), Math.floor(next() * 256), ...bytes.subarray(at)]),
        at,
        expect: 'any',
      };
    case 5:
      return { bytes: new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]), at, expect: 'any' };
    default: {
      const inTrailer = bytes.length - 1 - Math.floor(next() * 8);
      copy[inTrailer] = (copy[inTrailer] as number) ^ 0xff;
      return { bytes: copy, at: inTrailer, expect: 'any' };
    }
  }
}

/**
 * The stated bounds for damaged gzip (docs/backup-format.md §4): refusing one takes on average
 * less processor time than reading the intact file twice, and the process's peak memory grows by
 * less than GZIP_DAMAGE_MEMORY_MB over the whole run.
 */
const GZIP_DAMAGE_MEMORY_MB = 128;
const GZIP_MUTATIONS = 300;

// First in this file, then the bombs: the memory bounds read the process's peak, which only ever grows.
describe('damaged .json.gz files (seeded; bounded time and memory)', () => {
  it('every damaged gzip is refused as not-gzip, saying where; what zlib still accepts reads as the original', async () => {
    const SQL = await loadSqlJs();
    const bases = [
      await writeTables(sampleTables(), { gzipAboveBytes: 0 }),
      await writeTables(largeTables(300), { gzipAboveBytes: 0 }),
    ];
    // The yardstick: reading each intact file (after a first read, which loads what any read needs).
    for (const base of bases) codeOf(await loadBackup(SQL, base.bytes));
    const intactMs = await Promise.all(
      bases.map((base) => cpuMs(async () => codeOf(await loadBackup(SQL, base.bytes)))),
    );
    const baseline = peakMb();
    const damagedMs = bases.map(() => 0);
    const next = random(SEED + 1);
    const kinds = new Map<string, number>();
    for (let i = 0; i < GZIP_MUTATIONS; i++) {
      const base = bases[i % bases.length] as (typeof bases)[number];
      const damaged = damageGzip(base.bytes, next);
      let zlibAccepts = true;
      try {
        gunzipSync(damaged.bytes);
      } catch {
        zlibAccepts = false;
      }
      const outcome: { result?: LoadResult } = {};
      const spent = await cpuMs(async () => {
        outcome.result = await loadBackup(SQL, damaged.bytes, { now: '2026-12-01T00:00:00.000Z' });
      });
      damagedMs[i % bases.length] = (damagedMs[i % bases.length] as number) + spent;
      const result = outcome.result as LoadResult;
      if (zlibAccepts) {
        // Bytes the format lets vary (the header's time and system fields) change nothing.
        expect(result.ok && 'candidate' in result && result.candidate.checksum, `mutation ${i}`).toBe(base.checksum);
        codeOf(result);
        continue;
      }
      if (result.ok) throw new Error(`mutation ${i}: a damaged gzip was read`);
      const { code, message, detail = '' } = result.error;
      expect(code, `mutation ${i}: ${detail}`).toBe('not-gzip');
      expect(message, `mutation ${i}`).toMatch(/byte|bytes/);
      expect(message).toContain('Nothing was changed');
      const [, kind, offset] = /^gzip (\S+) at offset (\d+)/.exec(detail) ?? [];
      kinds.set(kind ?? 'none', (kinds.get(kind ?? 'none') ?? 0) + 1);
      // The inflater reads in order: damage cannot show before the byte that was changed.
      if (damaged.expect === 'data-at-or-after' && kind === 'data')
        expect(Number(offset), `mutation ${i}`).toBeGreaterThanOrEqual(damaged.at);
      if (damaged.expect === 'ends-early') expect(kind, `mutation ${i}`).toBe('ends-early');
      if (damaged.expect === 'header') expect([kind, Number(offset)], `mutation ${i}`).toEqual(['header', damaged.at]);
      if (damaged.expect === 'after-end')
        expect([kind, Number(offset)], `mutation ${i}`).toEqual(['after-end', damaged.at]);
    }
    console.log(JSON.stringify(Object.fromEntries(kinds)));
    for (const kind of ['header', 'data', 'ends-early', 'check', 'after-end'])
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    bases.forEach((_, b) => {
      const mean = (damagedMs[b] as number) / (GZIP_MUTATIONS / bases.length);
      console.log(
        `base ${b}: a damaged copy refused in ${mean.toFixed(1)} ms of processor time on average; the intact file read in ${(intactMs[b] as number).toFixed(1)} ms`,
      );
      expect(mean, `base ${b}`).toBeLessThan(2 * (intactMs[b] as number));
    });
    expect(peakMb() - baseline, 'peak memory growth').toBeLessThan(GZIP_DAMAGE_MEMORY_MB);
  }, 120_000);
});

/**
 * The stated bounds (docs/backup-format.md §4): a bomb is refused in less than half the processor
 * time it takes to inflate and scan it whole, and the process's peak memory grows by less than this. A
 * reader that unpacked the 1 GiB whole (2.0 once took 15 s and 3.3 GB) or reserved what a
 * damaged size trailer claims (256 MB) is far beyond either.
 */
const BOMB_MEMORY_MB = 192;
const PASSPHRASE = 'bomb squad';

describe('decompression bombs and lying size trailers (bounded time and memory)', () => {
  it('a 1 MB file that inflates to 1 GiB is refused early — plain .json.gz (spaces, or one huge value), encrypted 2.0 and 2.1 — and a damaged 83-byte gzip reserves nothing', async () => {
    const SQL = await loadSqlJs();
    const intact = await writeTables(sampleTables(), { gzipAboveBytes: 0 });
    expect(codeOf(await loadBackup(SQL, intact.bytes))).toBe('accepted');
    const baseline = peakMb();

    // A damaged 83-byte gzip whose size trailer claims 300 MB of text: buffers are sized by what
    // 83 bytes can hold, and the refusal says where the damage is.
    const liar = lyingGzip(83, 300_000_000);
    expect(await expectedTextBytes(liar, 'gzip')).toBeLessThanOrEqual(83 * SIZE_HINT_RATIO);
    const liarRead = await loadBackup(SQL, liar);
    expect(liarRead).toMatchObject({ ok: false, error: { code: 'not-gzip', message: expect.stringMatching(/byte/) } });
    expect(peakMb() - baseline, 'memory after the 83-byte file').toBeLessThan(BOMB_MEMORY_MB);

    const headerLine = text(fixtureBytes('ours-2.2-plain.json')).split('\n')[0] as string;
    const plain = plainGzipBomb(headerLine, 1024);
    expect(plain.byteLength).toBeLessThan(1.5e6);
    // Reading text whole costs in proportion to its length: a quarter of the bomb, read whole, times 4.
    const yardstick = 4 * (await cpuMs(() => readWhole(plainGzipBomb(headerLine, 256))));
    // One value of 1 GiB is held while it is read: at most the text a file may inflate to, twice while its buffer
    // grows.
    const oneValue = gzipBomb(`${headerLine}\n"brokerages":[{"id":1,"name":"`, 1024, '"}]}');
    const bombs: [string, Uint8Array, { passphrase?: string }, number][] = [
      ['a plain .json.gz', plain, {}, BOMB_MEMORY_MB],
      ['an encrypted 2.0 file', await encrypted20Bomb(PASSPHRASE, 1024), { passphrase: PASSPHRASE }, BOMB_MEMORY_MB],
      ['an encrypted 2.1 file', await encrypted21Bomb(PASSPHRASE, 1024), { passphrase: PASSPHRASE }, BOMB_MEMORY_MB],
      ['a .json.gz holding one huge value', oneValue, {}, (3 * maxInflatedBytes(oneValue.byteLength)) / 1024 / 1024],
    ];
    for (const [what, bomb, options, memoryMb] of bombs) {
      const outcome: { result?: LoadResult } = {};
      const elapsed = await cpuMs(async () => {
        outcome.result = await loadBackup(SQL, bomb, options);
      });
      expect(outcome.result, what).toMatchObject({
        ok: false,
        error: {
          code: 'inflates-too-much',
          message: expect.stringMatching(/200 times the file’s own size.*Nothing was changed/),
        },
      });
      expect(
        elapsed,
        `${what}: refused in ${Math.round(elapsed)} ms of processor time; reading it whole takes ${Math.round(yardstick)} ms`,
      ).toBeLessThan(yardstick / 2);
      expect(peakMb() - baseline, `${what}: peak memory growth`).toBeLessThan(memoryMb);
      console.log(
        `${what}: refused in ${Math.round(elapsed)} ms of processor time (whole read ${Math.round(yardstick)} ms), peak memory +${Math.round(peakMb() - baseline)} MB`,
      );
    }
  }, 120_000);
});

describe('the reader under seeded mutation (fuzz)', () => {
  it(`reads ${MUTATIONS} mutated files without throwing, and certifies whatever it accepts`, async () => {
    const SQL = await loadSqlJs();
    const bases = [
      'ours-2.2-plain.json',
      'ours-2.1-plain.json',
      'ours-2.0-plain.json',
      'original-1.0-example.json',
      'original-export.json',
      'original-1.0-era-c.json',
      'ours-2.0-encrypted.json',
    ].map(fixtureBytes);
    const next = random(SEED);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < MUTATIONS; i++) {
      const base = bases[i % bases.length] as Uint8Array;
      const isEncrypted = i % bases.length === bases.length - 1;
      const mutated = mutate(base, next);
      // Encrypted files are opened with the passphrase one time in ten (key derivation is slow on purpose).
      const options =
        isEncrypted && Math.floor(i / bases.length) % 20 === 0 ? { passphrase: 'correct horse battery staple' } : {};
      const result = await loadBackup(SQL, mutated, { now: '2026-12-01T00:00:00.000Z', ...options });
      if (result.ok && 'candidate' in result) {
        expect(await databaseChecksum(result.candidate.db), `mutation ${i}`).toBe(result.candidate.checksum);
        result.candidate.db.close();
        outcomes.set('accepted', (outcomes.get('accepted') ?? 0) + 1);
      } else if (result.ok) {
        outcomes.set('locked', (outcomes.get('locked') ?? 0) + 1);
      } else {
        expect(KNOWN_CODES, `mutation ${i}: ${result.error.code} ${result.error.detail ?? ''}`).toContain(
          result.error.code,
        );
        expect(result.error.message.length).toBeGreaterThan(20);
        outcomes.set(result.error.code, (outcomes.get(result.error.code) ?? 0) + 1);
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
      Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(JSON.stringify(Object.fromEntries(outcomes)));
    // The mutations reach every stage: syntax, shape, rows, counts, checksum.
    for (const code of ['not-json', 'invalid-backup', 'checksum-mismatch'])
      expect(outcomes.get(code) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
