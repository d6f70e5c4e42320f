import type { KeyRing } from './key-ring';
import { IV_BYTES, LOCK_KDF_ITERATIONS, SALT_BYTES, type LockHeader, type WrappedKey } from './lock-header';
import { randomBytes } from './random-bytes';

/**
 * Passphrase → PBKDF2-SHA256 → the key that wraps the data keys; creating, checking and
 * re-wrapping those data keys. Nothing here stores anything: it returns headers to be stored.
 */

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/** Turns a passphrase into the wrapping key (NFC first, so keyboards and systems agree). */
async function deriveWrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A header for a new passphrase with fresh salt and a fresh data key, and its key ring. */
export async function createLockHeader(
  passphrase: string,
  changedAt: string,
  iterations: number = LOCK_KDF_ITERATIONS,
): Promise<{ header: LockHeader; ring: KeyRing }> {
  const salt = randomBytes(SALT_BYTES);
  const wrappingKey = await deriveWrappingKey(passphrase, salt, iterations);
  const dataKey = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = await wrapDataKey(dataKey, randomKeyId(), wrappingKey);
  const header: LockHeader = {
    format: 'ff2api-lock',
    version: 1,
    phase: 'turning-on',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
    keys: [wrapped],
    changedAt,
  };
  // The extractable data key is dropped here; the ring holds a non-extractable copy.
  return { header, ring: await unwrapRing(header.keys, wrappingKey, false) };
}

/** Checks the passphrase and opens every data key; null when the passphrase is wrong. */
export async function unlockKeyRing(header: LockHeader, passphrase: string): Promise<KeyRing | null> {
  const wrappingKey = await deriveWrappingKey(passphrase, header.kdf.salt, header.kdf.iterations);
  try {
    return await unwrapRing(header.keys, wrappingKey, false);
  } catch {
    return null;
  }
}

/**
 * The header for a passphrase change: a new salt and a new data key that seals from now on,
 * with the older keys re-wrapped under the new passphrase so records not yet re-sealed stay
 * readable. Null when `currentPassphrase` is wrong.
 */
export async function rekeyLockHeader(
  header: LockHeader,
  currentPassphrase: string,
  nextPassphrase: string,
  changedAt: string,
): Promise<{ header: LockHeader; ring: KeyRing } | null> {
  const oldWrapping = await deriveWrappingKey(currentPassphrase, header.kdf.salt, header.kdf.iterations);
  let oldKeys: { id: string; key: CryptoKey }[];
  try {
    // Extractable for a moment, only to be wrapped again under the new passphrase.
    oldKeys = await Promise.all(
      header.keys.map(async (k) => ({ id: k.id, key: await unwrapDataKey(k, oldWrapping, true) })),
    );
  } catch {
    return null;
  }
  const next = await createLockHeader(nextPassphrase, changedAt, header.kdf.iterations);
  const nextWrapping = await deriveWrappingKey(nextPassphrase, next.header.kdf.salt, next.header.kdf.iterations);
  const rewrapped = await Promise.all(oldKeys.map(({ id, key }) => wrapDataKey(key, id, nextWrapping)));
  const keys = [...next.header.keys, ...rewrapped];
  const rekeyed: LockHeader = { ...next.header, phase: 'changing', keys };
  return { header: rekeyed, ring: await unwrapRing(keys, nextWrapping, false) };
}

async function wrapDataKey(dataKey: CryptoKey, id: string, wrappingKey: CryptoKey): Promise<WrappedKey> {
  const iv = randomBytes(IV_BYTES);
  const wrapped = await subtle().wrapKey('raw', dataKey, wrappingKey, {
    name: 'AES-GCM',
    iv: asBuffer(iv),
    additionalData: keyLabel(id),
  });
  return { id, iv, wrapped: new Uint8Array(wrapped) };
}

async function unwrapDataKey(wrapped: WrappedKey, wrappingKey: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  return subtle().unwrapKey(
    'raw',
    asBuffer(wrapped.wrapped),
    wrappingKey,
    { name: 'AES-GCM', iv: asBuffer(wrapped.iv), additionalData: keyLabel(wrapped.id) },
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

async function unwrapRing(keys: readonly WrappedKey[], wrappingKey: CryptoKey, extractable: boolean): Promise<KeyRing> {
  const opened = new Map<string, CryptoKey>();
  for (const wrapped of keys) opened.set(wrapped.id, await unwrapDataKey(wrapped, wrappingKey, extractable));
  const [first] = keys;
  if (!first) throw new Error('A lock header holds at least one key');
  return { currentId: first.id, keys: opened };
}

// The id is bound into the wrapping: a key cannot be relabelled as another.
function keyLabel(id: string): Uint8Array<ArrayBuffer> {
  return asBuffer(encoder.encode(`ff2api-lock data key ${id}`));
}

function randomKeyId(): string {
  return [...randomBytes(8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Bytes as WebCrypto takes them: a view (not a bare ArrayBuffer, which WebCrypto refuses when it
 * comes from another realm, as in jsdom), backed by a plain ArrayBuffer as its types require.
 */
export function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
