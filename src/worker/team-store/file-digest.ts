import { sha256 } from '@noble/hashes/sha2.js';

/**
 * SHA-256 of a file's bytes, hex: what the store's copy must read back as. Up to 128 MB the bytes
 * are read once and hashed by WebCrypto (several times faster than JavaScript); a larger file is
 * hashed as it streams through @noble/hashes' incremental SHA-256, so it is never held whole twice.
 */

const WHOLE_LIMIT_BYTES = 128 * 1024 * 1024;

export async function sha256Hex(contents: Blob | Uint8Array, wholeLimit = WHOLE_LIMIT_BYTES): Promise<string> {
  if (contents instanceof Uint8Array || contents.size <= wholeLimit) {
    const bytes = contents instanceof Uint8Array ? contents : new Uint8Array(await contents.arrayBuffer());
    return hex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  }
  const hash = sha256.create();
  const reader = contents.stream().getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) hash.update(next.value);
  return hex(hash.digest());
}

function hex(digest: Uint8Array): string {
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
