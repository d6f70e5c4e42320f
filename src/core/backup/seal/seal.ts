import { base64ToBytes, bytesToBase64, encodeUtf8, gzip, type Bytes } from '../format/encoding';
import { MAX_KDF_ITERATIONS, MIN_KDF_ITERATIONS } from '../format/limits';
import { Bad, describeKind, isPlainObject } from '../format/values';

/**
 * Passphrase encryption of a backup's data part: gzip → AES-GCM-256 with a key from
 * PBKDF2-SHA256 (random 16-byte salt, random 12-byte IV). All parameters are stored in the file
 * so iterations can be raised later without breaking old files; the reader accepts a bounded
 * range, checked before any key is derived. Format 2.0 seals the whole data part at once
 * (`sealData`); 2.1 seals it in chunks (stream-seal.ts).
 */

/** PBKDF2 iterations we write (OWASP's 2023 figure for PBKDF2-SHA256). */
export const KDF_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

/** The key-derivation and cipher parameters of an encrypted file, checked and decoded. */
export interface SealParameters {
  iterations: number;
  salt: Bytes;
  iv: Bytes;
}

/** The 2.0 `encrypted` object, read: parameters within bounds, bytes decoded. */
export interface SealedParts extends SealParameters {
  data: Bytes;
}

/** What is written under `encrypted` in a 2.0 file. */
export interface SealedEnvelope {
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  compression: 'gzip';
  data: string;
}

/**
 * Checks the `encrypted` object's parameters (and, for 2.0, its data): names the first problem
 * as [field, message], or returns them decoded. Runs before any key is derived.
 */
export function checkSealParameters(raw: unknown, withData: boolean): SealedParts | [string | undefined, string] {
  if (!isPlainObject(raw)) return [undefined, `should be an object, but is ${describeKind(raw)}`];
  const kdf = raw.kdf;
  const cipher = raw.cipher;
  if (!isPlainObject(kdf)) return ['kdf', `should be an object, but is ${describeKind(kdf)}`];
  if (kdf.name !== 'PBKDF2') return ['kdf.name', 'should be "PBKDF2"'];
  if (kdf.hash !== 'SHA-256') return ['kdf.hash', 'should be "SHA-256"'];
  const iterations = kdf.iterations;
  if (
    typeof iterations !== 'number' ||
    !Number.isInteger(iterations) ||
    iterations < MIN_KDF_ITERATIONS ||
    iterations > MAX_KDF_ITERATIONS
  ) {
    return [
      'kdf.iterations',
      `should be a whole number from ${MIN_KDF_ITERATIONS.toLocaleString('en-US')} to ${MAX_KDF_ITERATIONS.toLocaleString('en-US')}, but is ${describeKind(iterations)}`,
    ];
  }
  const salt = decodeExact(kdf.salt, SALT_BYTES);
  if (salt instanceof Bad) return ['kdf.salt', salt.message];
  if (!isPlainObject(cipher)) return ['cipher', `should be an object, but is ${describeKind(cipher)}`];
  if (cipher.name !== 'AES-GCM') return ['cipher.name', 'should be "AES-GCM"'];
  const iv = decodeExact(cipher.iv, IV_BYTES);
  if (iv instanceof Bad) return ['cipher.iv', iv.message];
  if (raw.compression !== 'gzip') return ['compression', 'should be "gzip"'];
  let data: Bytes = new Uint8Array(0);
  if (withData) {
    const decoded = decodeExact(raw.data, null);
    if (decoded instanceof Bad) return ['data', decoded.message];
    data = decoded;
  }
  return { iterations, salt, iv, data };
}

/** Base64 text decoded to bytes, of an exact length when one is given. */
export function decodeExact(value: unknown, length: number | null): Bytes | Bad {
  if (typeof value !== 'string') return new Bad(`should be base64 text, but is ${describeKind(value)}`);
  const bytes = base64ToBytes(value);
  if (bytes === null || (length !== null && bytes.length !== length))
    return new Bad(length === null ? 'is not base64 data' : `should be ${length} bytes in base64`);
  return bytes;
}

/** Compresses and encrypts `plaintext`, binding `additionalData` (format 2.0, tests and small data). */
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
 * Decrypts a 2.0 sealed part, giving its compressed data: the reader inflates it as a stream, with
 * the same bound as any compressed file, so a small sealed part can never be unpacked whole into
 * gigabytes. 'wrong' covers a wrong passphrase and any change to the sealed data or the
 * additional data — AES-GCM cannot tell them apart, and neither do we.
 */
export async function decryptSealedData(
  parts: SealedParts,
  passphrase: string,
  additionalData: Bytes,
): Promise<Bytes | 'wrong'> {
  const key = await deriveKey(passphrase, parts.salt, parts.iterations);
  try {
    const algorithm = { name: 'AES-GCM', iv: parts.iv, additionalData };
    return new Uint8Array(await globalThis.crypto.subtle.decrypt(algorithm, key, parts.data));
  } catch {
    return 'wrong';
  }
}

/** PBKDF2-SHA256 → AES-GCM-256 key. The passphrase is NFC-normalised so keyboards agree. */
export async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await globalThis.crypto.subtle.importKey(
    'raw',
    encodeUtf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
