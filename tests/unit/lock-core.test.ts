import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyRing } from '../../src/core/lock/key-ring';
import { parseLockHeader, withPhase, type LockHeader } from '../../src/core/lock/lock-header';
import { createLockHeader, rekeyLockHeader, unlockKeyRing } from '../../src/core/lock/passphrase-keys';
import { recordPolicy } from '../../src/core/lock/record-policy';
import { isSealedRecord, openRecord, sealRecord, sealedKeyId } from '../../src/core/lock/sealed-record';

// Real WebCrypto (Node's), real PBKDF2 at 600,000 iterations: each derivation costs a few
// hundred milliseconds, so the tests share one header where they can.
const PASSPHRASE = 'correct horse battery staple';
const T0 = '2026-11-22T08:00:00.000Z';
let header: LockHeader;
let ring: KeyRing;

beforeAll(async () => {
  ({ header, ring } = await createLockHeader(PASSPHRASE, T0));
});

const metadataArb = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 4 },
);
const recordArb = fc.record({
  bytes: fc.uint8Array({ maxLength: 2048 }),
  metadata: metadataArb,
  slot: fc.string({ minLength: 1, maxLength: 30 }),
});

describe('lock header and passphrase keys', () => {
  it('stores PBKDF2-SHA256 with ≥ 600,000 iterations and a random salt, and survives a structured clone', async () => {
    expect(header.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(header.kdf.salt.byteLength).toBe(16);
    expect(header.phase).toBe('turning-on');
    const cloned = parseLockHeader(structuredClone(header));
    expect(cloned).toEqual(header);
    const other = await createLockHeader(PASSPHRASE, T0);
    expect(Buffer.from(other.header.kdf.salt).equals(Buffer.from(header.kdf.salt))).toBe(false);
  });

  it('recognises the right passphrase and refuses a wrong one by the key check alone', async () => {
    expect((await unlockKeyRing(header, PASSPHRASE))?.currentId).toBe(ring.currentId);
    expect(await unlockKeyRing(header, 'correct horse battery stapler')).toBeNull();
    // NFC: the same passphrase typed with a combining accent opens it too.
    const accented = await createLockHeader('caf\u00e9 au lait', T0);
    expect(await unlockKeyRing(accented.header, 'cafe\u0301 au lait')).not.toBeNull();
  });

  it('holds data keys that cannot be exported', async () => {
    const key = ring.keys.get(ring.currentId);
    expect(key?.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
  });

  it.each([
    ['too few iterations', (h: Record<string, unknown>) => ({ ...h, kdf: { ...(h.kdf as object), iterations: 1000 } })],
    [
      'a short salt',
      (h: Record<string, unknown>) => ({ ...h, kdf: { ...(h.kdf as object), salt: new Uint8Array(4) } }),
    ],
    ['an unknown phase', (h: Record<string, unknown>) => ({ ...h, phase: 'half' })],
    ['no keys', (h: Record<string, unknown>) => ({ ...h, keys: [] })],
    ['another format', (h: Record<string, unknown>) => ({ ...h, format: 'other' })],
    [
      'a cut wrapped key',
      (h: Record<string, unknown>) => ({ ...h, keys: [{ ...(h.keys as object[])[0], wrapped: new Uint8Array(40) }] }),
    ],
  ])('refuses a stored header with %s', (_label, damage) => {
    expect(parseLockHeader(damage(header as unknown as Record<string, unknown>))).toBeNull();
    expect(parseLockHeader(null)).toBeNull();
  });

  it('changing the passphrase keeps old records readable with the new one, and the old passphrase stops working', async () => {
    const old = await sealRecord(ring, 'database/live', {
      bytes: new Uint8Array([1, 2, 3]),
      metadata: { savedAt: T0 },
    });
    const changed = await rekeyLockHeader(header, PASSPHRASE, 'a brand new passphrase', T0);
    expect(changed).not.toBeNull();
    if (!changed) return;
    expect(changed.header.phase).toBe('changing');
    expect(changed.header.keys.map((k) => k.id)).toEqual([changed.ring.currentId, ring.currentId]);
    expect(await unlockKeyRing(changed.header, PASSPHRASE)).toBeNull();
    const reopened = await unlockKeyRing(changed.header, 'a brand new passphrase');
    expect(reopened).not.toBeNull();
    if (!reopened) return;
    expect(await openRecord(reopened, 'database/live', old, { savedAt: T0 })).toEqual({
      ok: true,
      bytes: new Uint8Array([1, 2, 3]),
    });
    // New records use the new key; once settled, only that key is listed.
    const fresh = await sealRecord(reopened, 'database/live', { bytes: new Uint8Array([4]), metadata: {} });
    expect(sealedKeyId(fresh)).toBe(changed.ring.currentId);
    expect(withPhase(changed.header, 'on', true).keys.map((k) => k.id)).toEqual([changed.ring.currentId]);
    expect(await rekeyLockHeader(header, 'not it at all', 'x'.repeat(12), T0)).toBeNull();
  });
});

describe('sealed records', () => {
  it('law: opening what was sealed gives the same bytes, for any bytes, metadata and slot', async () => {
    await fc.assert(
      fc.asyncProperty(recordArb, async ({ bytes, metadata, slot }) => {
        const sealed = await sealRecord(ring, slot, { bytes, metadata });
        expect(isSealedRecord(sealed)).toBe(true);
        const opened = await openRecord(ring, slot, sealed, { ...metadata });
        expect(opened.ok && Buffer.from(opened.bytes).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 60, seed: 1010 },
    );
  });

  it('law: any changed byte, a cut, another slot or other metadata is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordArb,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async ({ bytes, metadata, slot }, at, flip) => {
          const sealed = await sealRecord(ring, slot, { bytes, metadata });
          const changed = sealed.slice();
          const index = at % changed.length;
          changed[index] = (changed[index] ?? 0) ^ flip;
          expect((await openRecord(ring, slot, changed, metadata)).ok).toBe(false);
          expect((await openRecord(ring, slot, sealed.subarray(0, sealed.length - 1 - (at % 16)), metadata)).ok).toBe(
            false,
          );
          expect((await openRecord(ring, `${slot}/other`, sealed, metadata)).ok).toBe(false);
          expect((await openRecord(ring, slot, sealed, { ...metadata, extra: 1 })).ok).toBe(false);
        },
      ),
      { numRuns: 60, seed: 2020 },
    );
  });

  it('uses a fresh IV for every seal: the same record never gives the same bytes twice', async () => {
    const record = { bytes: new Uint8Array(64), metadata: { savedAt: T0 } };
    const a = await sealRecord(ring, 'database/live', record);
    const b = await sealRecord(ring, 'database/live', record);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('tells plain bytes, unknown keys and tampering apart', async () => {
    const sqlite = new TextEncoder().encode('SQLite format 3\u0000 rest of a database');
    expect(isSealedRecord(sqlite)).toBe(false);
    expect(await openRecord(ring, 'database/live', sqlite, {})).toEqual({ ok: false, failure: 'not-sealed' });
    const other = await createLockHeader(PASSPHRASE, T0);
    const sealedElsewhere = await sealRecord(other.ring, 'database/live', { bytes: sqlite, metadata: {} });
    expect(await openRecord(ring, 'database/live', sealedElsewhere, {})).toEqual({ ok: false, failure: 'unknown-key' });
  });

  it('policies: only a lock fully on refuses plain records; only turning off writes plain', () => {
    expect(recordPolicy('on')).toEqual({ seals: true, acceptsPlain: false, isTransitional: false });
    expect(recordPolicy('turning-on')).toMatchObject({ seals: true, acceptsPlain: true });
    expect(recordPolicy('changing')).toMatchObject({ seals: true, acceptsPlain: false });
    expect(recordPolicy('turning-off')).toMatchObject({ seals: false, acceptsPlain: true });
    expect(recordPolicy('off')).toMatchObject({ seals: false, acceptsPlain: true });
  });
});
