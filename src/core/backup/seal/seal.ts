import * as z from 'zod';
import { base64ToBytes, bytesToBase64, encodeUtf8, gunzipLimited, gzip, type Bytes } from '../format/encoding';
import { MAX_KDF_ITERATIONS, MIN_KDF_ITERATIONS } from '../format/limits';

/**
 * Passphrase encryption of a backup's data part: gzip → AES-GCM-256 with a key from
 * PBKDF2-SHA256 (random 16-byte salt, random 12-byte IV). All parameters are stored in the file
 * so iterations can be raised later without breaking old files. The clear `backup_info` is bound
 * as additional data: tampering with it fails decryption like a wrong passphrase does.
 */

/** PBKDF2 iterations we write (OWASP's 2023 figure for PBKDF2-SHA256). */
export const KDF_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** Base64 text decoded to bytes, of an exact length when one is given. */
const base64Bytes = (length: number | null) =>
  z.string().transform((text, ctx) => {
    const bytes = base64ToBytes(text);
    if (bytes === null || (length !== null && bytes.length !== length)) {
      ctx.addIssue({ code: 'custom', message: length === null ? 'is not base64 data' : `should be ${length} bytes in base64` });
      return z.NEVER;
    }
    return bytes;
  });

/** The `encrypted` object of a file, as read: parameters within bounds, bytes decoded. */
export const sealedSchema = z.object({
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().min(MIN_KDF_ITERATIONS).max(MAX_KDF_ITERATIONS),
    salt: base64Bytes(SALT_BYTES),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: base64Bytes(IV_BYTES) }),
  compression: z.literal('gzip'),
  data: base64Bytes(null),
});
export type SealedParts = z.infer<typeof sealedSchema>;

/** What is written under `encrypted` in a file. */
export interface SealedEnvelope {
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  compression: 'gzip';
  data: string;
}

/** Compresses and encrypts `plaintext`, binding `additionalData`. */
export async function sealData(
  plaintext: Bytes,
  passphrase: string,
  additionalData: Bytes,
  iterations: number = KDF_ITERATIONS,
): Promise<SealedEnvelope> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const compressed = await gzip(plaintext);
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, compressed);
  return {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    compression: 'gzip',
    data: bytesToBase64(new Uint8Array(sealed)),
  };
}

/**
 * Decrypts and decompresses. 'wrong' covers a wrong passphrase and any change to the sealed data
 * or the additional data — AES-GCM cannot tell them apart, and neither do we.
 */
export async function openSealedData(
  parts: SealedParts,
  passphrase: string,
  additionalData: Bytes,
  maxBytes: number,
): Promise<Bytes | 'wrong' | 'too-big' | 'corrupt'> {
  const key = await deriveKey(passphrase, parts.kdf.salt, parts.kdf.iterations);
  let compressed: ArrayBuffer;
  try {
    compressed = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: parts.cipher.iv, additionalData }, key, parts.data);
  } catch {
    return 'wrong';
  }
  return gunzipLimited(new Uint8Array(compressed), maxBytes);
}

/** PBKDF2-SHA256 → AES-GCM-256 key. The passphrase is NFC-normalised so keyboards agree. */
async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await globalThis.crypto.subtle.importKey('raw', encodeUtf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
