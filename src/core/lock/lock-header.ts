import * as z from 'zod/mini';
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

/** Bytes of an exact length (a Uint8Array read back from IndexedDB may come from another realm). */
const bytesOf = (length: number) =>
  z.pipe(
    z.custom<ArrayBufferView>((value) => ArrayBuffer.isView(value) && value.byteLength === length),
    z.transform(toBytes),
  );

/** A stored header this build can trust: the format, a known phase, bounded KDF cost, keys of the right sizes. */
const LockHeaderSchema = z.object({
  format: z.literal('ff2api-lock'),
  version: z.literal(1),
  phase: z.enum(['on', 'turning-on', 'changing', 'turning-off']),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().check(z.int(), z.gte(MIN_LOCK_KDF_ITERATIONS), z.lte(MAX_LOCK_KDF_ITERATIONS)),
    salt: bytesOf(SALT_BYTES),
  }),
  keys: z
    .array(z.object({ id: z.string().check(z.regex(/^[0-9a-f]{16}$/)), iv: bytesOf(IV_BYTES), wrapped: bytesOf(48) }))
    .check(z.minLength(1), z.maxLength(4)),
  changedAt: z.string(),
});

/** Checks a stored header; null when it is not one we can trust (missing, damaged, tampered). */
export function parseLockHeader(value: unknown): LockHeader | null {
  const parsed = LockHeaderSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The same header in another phase; `onlyCurrentKey` drops the older keys (a change finished). */
export function withPhase(header: LockHeader, phase: LockPhase, onlyCurrentKey = false): LockHeader {
  const [current] = header.keys;
  return { ...header, phase, keys: onlyCurrentKey && current ? [current] : header.keys };
}

// A copy in this realm's own buffer: WebCrypto refuses views of another realm's ArrayBuffer.
function toBytes(view: ArrayBufferView): Uint8Array {
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}
