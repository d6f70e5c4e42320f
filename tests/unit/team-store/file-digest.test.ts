import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/worker/team-store/file-digest';

/** The copy's digest: the same whether the file is read whole (WebCrypto) or streamed (a large file). */
describe('SHA-256 of a backup file', () => {
  it('gives the same digest whole and streamed, equal to Node’s', async () => {
    const bytes = new Uint8Array(3_000_017).map((_, i) => (i * 31 + (i >> 9)) & 0xff);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(new Blob([bytes]))).toBe(expected);
    expect(await sha256Hex(new Blob([bytes]), 1024)).toBe(expected);
  });
});
