import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREFIX_LENGTH, TAG_LENGTH, type ObjectMetadata } from '../../../src/core/team-store/envelope-format';
import { openObject, readOpenedBody, readSealedHeader } from '../../../src/core/team-store/envelope-open';
import { sealObject } from '../../../src/core/team-store/envelope-seal';
import type { TeamKey } from '../../../src/core/team-store/team-keys';
import { testTeamKey } from '../../support/team-keys';

/**
 * Laws of the sealed-object envelope: what is sealed opens to the same bytes (any size, around
 * chunk boundaries, gzip or not); any change — a flipped byte, a chunk dropped, repeated or
 * swapped, another name, another team — is refused as tampered, never opened to garbage.
 */

const SEED = 20261207;
const NAME = 'devices/0123456789abcdef0123456789abcdef/backups/fedcba9876543210fedcba9876543210';
const META: ObjectMetadata = {
  kind: 'backup',
  createdAt: '2026-12-07T10:00:00.000Z',
  deviceId: '0123456789abcdef0123456789abcdef',
  person: 'Dana',
  details: { backupKind: 'daily', uploads: 3 },
};
const teamKey = await testTeamKey();
const otherTeamKey = await testTeamKey();

async function seal(body: Uint8Array, chunkSize: number, key: TeamKey = teamKey, name = NAME): Promise<Uint8Array> {
  const stream = sealObject({ teamKey: key, name, metadata: META, body, plainSize: body.byteLength, chunkSize });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function open(sealed: Uint8Array, key: TeamKey = teamKey, name = NAME) {
  const opened = await openObject(key, name, new Blob([sealed as BlobPart]).stream());
  if (!opened.ok) return opened;
  return readOpenedBody(name, opened.value);
}

/** The sealed bytes cut into the clear prefix + header and the body chunks. */
function split(sealed: Uint8Array, chunkSize: number): { head: Uint8Array; chunks: Uint8Array[] } {
  const headerLength = new DataView(sealed.buffer, sealed.byteOffset).getUint32(PREFIX_LENGTH - 4);
  const headEnd = PREFIX_LENGTH + headerLength;
  const chunks: Uint8Array[] = [];
  for (let at = headEnd; at < sealed.byteLength; at += chunkSize + TAG_LENGTH)
    chunks.push(sealed.slice(at, at + chunkSize + TAG_LENGTH));
  return { head: sealed.slice(0, headEnd), chunks };
}

const join = (parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
/** Bytes that gzip hardly shrinks, so small chunk sizes give many chunks. */
function noisy(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (Math.imul(i + seed, 2654435761) >>> 13) & 0xff;
  return bytes;
}
/** Byte equality without a deep-equality walk (slow on megabytes). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('sealed objects', () => {
  it('open to the same bytes, for sizes around the chunk boundaries (small chunks)', async () => {
    const chunk = 64;
    const sizes = fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constantFrom(0, 1, 63, 64, 65, 127, 128, 129));
    await fc.assert(
      fc.asyncProperty(sizes, fc.integer(), async (size, seed) => {
        const body = noisy(size, seed);
        const opened = await open(await seal(body, chunk));
        expect(opened.ok && opened.value).toEqual(body);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('open to the same bytes around the real 1 MiB chunk size', async () => {
    for (const size of [1024 * 1024 - 1, 1024 * 1024, 2 * 1024 * 1024 + 1]) {
      const body = noisy(size, size);
      const opened = await open(await seal(body, 1024 * 1024));
      expect(opened.ok && opened.value.byteLength).toBe(size);
      expect(opened.ok && sameBytes(opened.value, body)).toBe(true);
    }
  });

  it('compress JSON before sealing, and leave a gzip body as it is', async () => {
    const json = new TextEncoder().encode(
      JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ row: i, name: 'Acme' }))),
    );
    const sealed = await seal(json, 1024 * 1024);
    expect(sealed.byteLength).toBeLessThan(json.byteLength / 5);
    const gzipped = new Uint8Array(
      await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
    );
    const sealedGzip = await seal(gzipped, 1024 * 1024);
    const header = await readSealedHeader(teamKey, NAME, sealedGzip);
    expect('ok' in header && header.ok && header.value.compression).toBe('none');
    const opened = await open(sealedGzip);
    expect(opened.ok && opened.value).toEqual(gzipped);
  });

  it('carry their metadata in a header read from the first bytes alone', async () => {
    const sealed = await seal(noisy(50_000, 1), 1024);
    const header = await readSealedHeader(teamKey, NAME, sealed.slice(0, 4096));
    expect('ok' in header && header.ok && header.value).toEqual({
      metadata: META,
      plainSize: 50_000,
      compression: 'gzip',
      chunkSize: 1024,
    });
    expect(await readSealedHeader(teamKey, NAME, sealed.slice(0, 50))).toEqual({ needBytes: expect.any(Number) });
  });

  it('refuse any single flipped byte', async () => {
    const body = noisy(300, 9);
    const sealed = await seal(body, 64);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: sealed.byteLength - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const changed = sealed.slice();
        changed[at] = (changed[at] as number) ^ xor;
        const opened = await open(changed);
        expect(opened.ok ? 'opened' : opened.error.code).toBe('object-tampered');
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('refuse a chunk dropped, repeated or two swapped, and a cut at a chunk boundary', async () => {
    const sealed = await seal(noisy(400, 3), 64);
    const { head, chunks } = split(sealed, 64);
    expect(chunks.length).toBeGreaterThan(3);
    const variants = fc.oneof(
      fc.nat({ max: chunks.length - 1 }).map((i) => chunks.filter((_, j) => j !== i)),
      fc.nat({ max: chunks.length - 1 }).map((i) => [...chunks.slice(0, i + 1), ...chunks.slice(i)]),
      fc
        .tuple(fc.nat({ max: chunks.length - 1 }), fc.nat({ max: chunks.length - 1 }))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => chunks.map((c, j) => (j === a ? chunks[b] : j === b ? chunks[a] : c) as Uint8Array)),
      fc.integer({ min: 0, max: chunks.length - 1 }).map((n) => chunks.slice(0, n)),
    );
    await fc.assert(
      fc.asyncProperty(variants, async (changed) => {
        const opened = await open(join([head, ...changed]));
        expect(opened.ok ? 'opened' : opened.error.code).toBe('object-tampered');
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('refuse a splice of two objects of the same team and name', async () => {
    const a = split(await seal(noisy(300, 1), 64), 64);
    const b = split(await seal(noisy(300, 2), 64), 64);
    const opened = await open(join([a.head, ...a.chunks.slice(0, 2), ...b.chunks.slice(2)]));
    expect(opened.ok ? 'opened' : opened.error.code).toBe('object-tampered');
  });

  it('refuse another name (a renamed or moved object) and another team', async () => {
    const sealed = await seal(noisy(100, 4), 64);
    const moved = NAME.replace('backups/fedc', 'backups/0000');
    expect((await open(sealed, teamKey, moved)).ok).toBe(false);
    const other = await open(sealed, otherTeamKey);
    expect(other.ok ? 'opened' : other.error.code).toBe('object-tampered');
    expect(other.ok ? '' : other.error.message).toMatch(/refused and nothing from it was used/);
  });

  it('a download cut off half-way is a failed read to try again, not a tampered object', async () => {
    const sealed = await seal(noisy(5000, 5), 64);
    for (const cutAt of [20, 200, 3000]) {
      let sent = false;
      const cut = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return controller.error(new TypeError('network error'));
          controller.enqueue(sealed.slice(0, cutAt));
          sent = true;
        },
      });
      const opened = await openObject(teamKey, NAME, cut);
      const body = opened.ok ? await readOpenedBody(NAME, opened.value) : opened;
      expect(body.ok ? 'opened' : body.error.code).toBe('store-read-failed');
    }
  });

  it('fail the seal when the body is not the size announced (a short read is never stored as whole)', async () => {
    const stream = sealObject({ teamKey, name: NAME, metadata: META, body: noisy(100, 1), plainSize: 120 });
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow(/100 bytes, not the 120/);
  });
});
