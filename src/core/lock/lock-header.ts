/**
 * The app lock's header: everything needed to check a passphrase and open the sealed records,
 * none of it secret on its own. It is stored apart from the data (see
 * src/platform/idb-lock-store.ts) and validated by hand here, because what IndexedDB gives back
 * is outside input like any file.
 *
 * Keys: a random AES-GCM data key seals the records; it is stored only wrapped (AES-GCM) under a
 * key derived from the passphrase with PBKDF2-SHA256. The wrapped key's authentication tag is the
 * key-check value: a wrong passphrase fails it before a single record is touched.
 */

/** PBKDF2 iterations we write (OWASP's 2023 figure for PBKDF2-SHA256). */
export const LOCK_KDF_ITERATIONS = 600_000;
/** Fewer iterations than this in a stored header means it was tampered with: refuse it. */
export const MIN_LOCK_KDF_ITERATIONS = 600_000;
/** More than this would take minutes to derive: refuse rather than freeze the worker. */
export const MAX_LOCK_KDF_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

/**
 * Where the lock is. `on` is the resting state; the others are the middle of a change, recorded
 * first so that a crash half-way is finished at the next unlock instead of leaving a mix:
 * - `turning-on`: records may still be plain; every new write is sealed;
 * - `changing`: records are sealed with the old or the new data key (both listed, both wrapped
 *   under the new passphrase); every new write uses the new key;
 * - `turning-off`: records may be sealed or plain; every new write is plain.
 */
export type LockPhase = 'on' | 'turning-on' | 'changing' | 'turning-off';

/** A data key, wrapped under the passphrase key; `id` is bound into the wrapping. */
export interface WrappedKey {
  id: string;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

export interface LockHeader {
  format: 'ff2api-lock';
  version: 1;
  phase: LockPhase;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Uint8Array };
  /** The first key seals new records; later ones are older keys some records may still use. */
  keys: WrappedKey[];
  /** When the lock was turned on or its passphrase last changed (ISO 8601 UTC). */
  changedAt: string;
}

const PHASES: readonly LockPhase[] = ['on', 'turning-on', 'changing', 'turning-off'];

/** Checks a stored header; null when it is not one we can trust (missing, damaged, tampered). */
export function parseLockHeader(value: unknown): LockHeader | null {
  if (!isRecord(value) || value.format !== 'ff2api-lock' || value.version !== 1) return null;
  const { phase, kdf, keys, changedAt } = value;
  if (typeof phase !== 'string' || !PHASES.includes(phase as LockPhase)) return null;
  if (typeof changedAt !== 'string') return null;
  if (!isRecord(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return null;
  const { iterations, salt } = kdf;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) return null;
  if (iterations < MIN_LOCK_KDF_ITERATIONS || iterations > MAX_LOCK_KDF_ITERATIONS) return null;
  if (!isBytes(salt, SALT_BYTES)) return null;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 4) return null;
  const parsedKeys: WrappedKey[] = [];
  for (const key of keys) {
    if (!isRecord(key) || typeof key.id !== 'string' || !/^[0-9a-f]{16}$/.test(key.id)) return null;
    if (!isBytes(key.iv, IV_BYTES) || !isBytes(key.wrapped, 48)) return null;
    parsedKeys.push({ id: key.id, iv: toBytes(key.iv), wrapped: toBytes(key.wrapped) });
  }
  return {
    format: 'ff2api-lock',
    version: 1,
    phase: phase as LockPhase,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBytes(salt) },
    keys: parsedKeys,
    changedAt,
  };
}

/** The same header in another phase; `onlyCurrentKey` drops the older keys (a change finished). */
export function withPhase(header: LockHeader, phase: LockPhase, onlyCurrentKey = false): LockHeader {
  const [current] = header.keys;
  return { ...header, phase, keys: onlyCurrentKey && current ? [current] : header.keys };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A Uint8Array read back from some IndexedDB implementations fails `instanceof` across realms.
function isBytes(value: unknown, length: number): boolean {
  return ArrayBuffer.isView(value) && value.byteLength === length;
}

// A copy in this realm's own buffer: WebCrypto refuses views of another realm's ArrayBuffer.
function toBytes(value: unknown): Uint8Array {
  const view = value as ArrayBufferView;
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}
