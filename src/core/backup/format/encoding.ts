/**
 * Byte helpers for backup files: UTF-8, base64 for large arrays, gzip through the platform's
 * CompressionStream (Node 20, workers and Chromium all have it), concatenation. Inflating is
 * scan/gunzip.ts's: always streamed and bounded.
 */

const encoder = new TextEncoder();

/** Bytes backed by a plain ArrayBuffer, which WebCrypto and Response accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Bytes {
  return encoder.encode(text);
}

/**
 * Decodes UTF-8 strictly: invalid sequences (a binary file, another encoding) give null instead
 * of replacement characters that would then fail somewhere less clear. A BOM is skipped.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Joins byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Bytes {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

/** Chunk size for base64: String.fromCharCode(...hugeArray) overflows the call stack. */
const BASE64_CHUNK = 0x8000;

/** Standard base64 of bytes, built in chunks. */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK) {
    const chunk = bytes.subarray(start, start + BASE64_CHUNK);
    pieces.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return btoa(pieces.join(''));
}

/** Bytes of standard base64 text, or null when it is not base64. */
export function base64ToBytes(text: string): Bytes | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** gzip-compresses bytes (JSON shrinks about tenfold). */
export async function gzip(bytes: Bytes): Promise<Bytes> {
  const stream = new Response(bytes).body;
  if (!stream) throw new Error('No stream to compress');
  return new Uint8Array(await new Response(stream.pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}
