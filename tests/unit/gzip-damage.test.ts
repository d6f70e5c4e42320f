import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { locateGzipDamage } from '../../src/core/backup/scan/gzip-damage';

/** Where a damaged gzip shows its damage, for each kind (the seeded fuzz test covers them at random). */

const TEXT = Buffer.from(
  JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `row ${(i * 7919) % 1000}` }))),
);
const GZIP = new Uint8Array(gzipSync(TEXT));
const LIMIT = 1 << 30;

function changed(at: number, value: number): Uint8Array {
  const copy = GZIP.slice();
  copy[at] = value;
  return copy;
}

describe('locateGzipDamage', () => {
  it('an intact file has none', async () => {
    expect(await locateGzipDamage(GZIP, LIMIT)).toBeNull();
  });

  it('names the header byte: the method, or reserved flags', async () => {
    expect(await locateGzipDamage(changed(2, 7), LIMIT)).toMatchObject({ kind: 'header', offset: 2 });
    expect(await locateGzipDamage(changed(3, 0x20), LIMIT)).toMatchObject({ kind: 'header', offset: 3 });
  });

  it('names the byte where damaged data stops making sense, never before the damage', async () => {
    const damage = await locateGzipDamage(changed(100, (GZIP[100] as number) ^ 0x55), LIMIT);
    expect(damage?.kind).toBe('data');
    expect(damage?.offset).toBeGreaterThanOrEqual(100);
    expect(damage?.offset).toBeLessThan(110);
  });

  it('says a cut file ends early, and where bytes were added after the end', async () => {
    expect(await locateGzipDamage(GZIP.subarray(0, 300), LIMIT)).toMatchObject({
      kind: 'ends-early',
      offset: 300,
      size: 300,
    });
    const longer = new Uint8Array([...GZIP, ...Buffer.from('appended')]);
    expect(await locateGzipDamage(longer, LIMIT)).toMatchObject({ kind: 'after-end', offset: GZIP.length });
  });

  it('damage that still inflates shows in the check values at the end', async () => {
    const crc = changed(GZIP.length - 8, (GZIP[GZIP.length - 8] as number) ^ 1);
    expect(await locateGzipDamage(crc, LIMIT)).toMatchObject({ kind: 'check', offset: GZIP.length - 8 });
    const size = changed(GZIP.length - 2, (GZIP[GZIP.length - 2] as number) ^ 1);
    expect(await locateGzipDamage(size, LIMIT)).toMatchObject({
      kind: 'check',
      reason: expect.stringContaining('size'),
    });
  });

  it('gives up, rather than follow text past the limit, and when the file cannot be read again', async () => {
    const large = new Uint8Array(
      gzipSync(Buffer.from(JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ id: i, at: i * 7919 }))))),
    );
    expect(await locateGzipDamage(large.subarray(0, large.length - 1), LIMIT)).toMatchObject({ kind: 'ends-early' });
    expect(await locateGzipDamage(large.subarray(0, large.length - 1), 100_000)).toBeNull();
    const unreadable = new Blob([GZIP]);
    Object.defineProperty(unreadable, 'stream', {
      value: () => {
        throw new Error('the file was moved');
      },
    });
    expect(await locateGzipDamage(unreadable, LIMIT)).toBeNull();
  });
});
