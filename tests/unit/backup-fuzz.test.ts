import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../src/core/backup/checksum/database-rows';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { loadSqlJs } from '../support/sqljs';
import { fixtureBytes } from './backup-support';

/**
 * A seeded fuzz test of the reader: thousands of mutations of real files (ours 2.1 and 2.0, plain
 * and encrypted; the original's backup and export), each read as the app reads it. The reader
 * must never throw, never answer "unexpected", never touch Object.prototype, and whatever it
 * accepts must be certified: the database it built hashes to the checksum it reports.
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

const TOKENS = ['"', '\\', '{', '}', '[', ']', ',', ':', '\n', 'null', 'true', '-1', '1e309', '9007199254740993', '"\\ud800"', '"\\ufeffx"', '"__proto__":1,', '"9999-12-31T23:59:59-01:00"', '[[[[[[[[[[', '\u0000', '\uFEFF', '"2.0"', '"3.0"', '"version":"2.1",'];
const KNOWN_CODES = new Set(['too-big', 'empty-file', 'zip-file', 'not-gzip', 'not-text', 'truncated-json', 'not-json', 'not-a-backup', 'newer-version', 'unknown-version', 'invalid-backup', 'counts-mismatch', 'checksum-mismatch', 'wrong-passphrase', 'sealed-corrupt', 'too-large-for-browser']);

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const at = Math.floor(next() * text.length);
  const token = TOKENS[Math.floor(next() * TOKENS.length)] as string;
  switch (Math.floor(next() * 8)) {
    case 0: { // one byte changed
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
    case 4: { // a line repeated elsewhere
      const lines = text.split('\n');
      const line = lines[Math.floor(next() * lines.length)] ?? '';
      lines.splice(Math.floor(next() * lines.length), 0, line);
      return utf8(lines.join('\n'));
    }
    case 5: { // two lines swapped
      const lines = text.split('\n');
      const i = Math.floor(next() * lines.length);
      const j = Math.floor(next() * lines.length);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      return utf8(lines.join('\n'));
    }
    case 6: // a character in a value changed to a lookalike or a broken one
      return utf8(text.slice(0, at) + ['\uD800', '\uFEFF', 'é', '0', '"'][Math.floor(next() * 5)] + text.slice(at + 1));
    default: // a digit replaced by a large number
      return utf8(text.replace(/\d/g, (d, offset: number) => (offset === at || (offset > at && next() < 0.01) ? '4503599627370497' : d)));
  }
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('the reader under seeded mutation (fuzz)', () => {
  it(`reads ${MUTATIONS} mutated files without throwing, and certifies whatever it accepts`, async () => {
    const SQL = await loadSqlJs();
    const bases = ['ours-2.1-plain.json', 'ours-2.0-plain.json', 'original-1.0-example.json', 'original-export.json', 'original-1.0-era-c.json', 'ours-2.0-encrypted.json'].map(fixtureBytes);
    const next = random(SEED);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < MUTATIONS; i++) {
      const base = bases[i % bases.length] as Uint8Array;
      const isEncrypted = i % bases.length === bases.length - 1;
      const mutated = mutate(base, next);
      // Encrypted files are opened with the passphrase one time in ten (key derivation is slow on purpose).
      const options = isEncrypted && i % 120 === 5 ? { passphrase: 'correct horse battery staple' } : {};
      const result = await loadBackup(SQL, mutated, { now: '2026-12-01T00:00:00.000Z', ...options });
      if (result.ok && 'candidate' in result) {
        expect(await databaseChecksum(result.candidate.db), `mutation ${i}`).toBe(result.candidate.checksum);
        result.candidate.db.close();
        outcomes.set('accepted', (outcomes.get('accepted') ?? 0) + 1);
      } else if (result.ok) {
        outcomes.set('locked', (outcomes.get('locked') ?? 0) + 1);
      } else {
        expect(KNOWN_CODES, `mutation ${i}: ${result.error.code} ${result.error.detail ?? ''}`).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(20);
        outcomes.set(result.error.code, (outcomes.get(result.error.code) ?? 0) + 1);
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(JSON.stringify(Object.fromEntries(outcomes)));
    // The mutations reach every stage: syntax, shape, rows, counts, checksum.
    for (const code of ['not-json', 'invalid-backup', 'checksum-mismatch']) expect(outcomes.get(code) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
