import { currentKey, type KeyRing } from './key-ring';
import { IV_BYTES } from './lock-header';
import { randomBytes } from './random-bytes';

/**
 * Sealing and opening of stored records — any record: the database file, a snapshot, a kept
 * copy. A record is its bytes plus metadata that the store keeps in clear beside them (times,
 * labels, counts). Sealing encrypts the bytes with AES-GCM under a fresh random IV and binds,
 * as authenticated data, the record's slot (where it belongs: "database/live", "snapshot/42"),
 * the key id and the metadata. So opening refuses a record whose bytes or metadata were changed,
 * one moved into another slot, and one cut short — AES-GCM's tag covers all of it.
 *
 * Layout of a sealed record: MAGIC (13 bytes) · version (1) · key id length (1) · key id ·
 * IV (12) · ciphertext with its 16-byte tag.
 */

/** Clear metadata stored beside a record; bound into the seal, never encrypted. */
export type RecordMetadata = Readonly<Record<string, string | number | boolean | null>>;

export interface RecordToSeal {
  bytes: Uint8Array;
  metadata: RecordMetadata;
}

/** Why a record could not be opened; the caller turns it into a message for people. */
export type OpenFailure = 'not-sealed' | 'unknown-key' | 'tampered';

const MAGIC = new TextEncoder().encode('FF2API-SEALED');
const VERSION = 1;
const TAG_BYTES = 16;
const encoder = new TextEncoder();

/** Whether stored bytes are a sealed record (rather than, say, a plain SQLite file). */
export function isSealedRecord(bytes: Uint8Array): boolean {
  if (bytes.byteLength < MAGIC.length + 2) return false;
  return MAGIC.every((b, i) => bytes[i] === b) && bytes[MAGIC.length] === VERSION;
}

/** The id of the key a sealed record was sealed with, or null for anything else. */
export function sealedKeyId(bytes: Uint8Array): string | null {
  if (!isSealedRecord(bytes)) return null;
  const idLength = bytes[MAGIC.length + 1] ?? 0;
  const start = MAGIC.length + 2;
  if (bytes.byteLength < start + idLength + IV_BYTES + TAG_BYTES) return null;
  return new TextDecoder().decode(bytes.subarray(start, start + idLength));
}

/** Seals a record for `slot` with the ring's current key. */
export async function sealRecord(ring: KeyRing, slot: string, record: RecordToSeal): Promise<Uint8Array> {
  const keyId = encoder.encode(ring.currentId);
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    {
      name: 'AES-GCM',
      iv: iv as Uint8Array<ArrayBuffer>,
      additionalData: boundData(slot, ring.currentId, record.metadata),
    },
    currentKey(ring),
    record.bytes as Uint8Array<ArrayBuffer>,
  );
  const header = MAGIC.length + 2 + keyId.length;
  const sealed = new Uint8Array(header + IV_BYTES + ciphertext.byteLength);
  sealed.set(MAGIC, 0);
  sealed[MAGIC.length] = VERSION;
  sealed[MAGIC.length + 1] = keyId.length;
  sealed.set(keyId, MAGIC.length + 2);
  sealed.set(iv, header);
  sealed.set(new Uint8Array(ciphertext), header + IV_BYTES);
  return sealed;
}

/** Opens a sealed record found in `slot` with the metadata stored beside it. */
export async function openRecord(
  ring: KeyRing,
  slot: string,
  sealed: Uint8Array,
  metadata: RecordMetadata,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; failure: OpenFailure }> {
  const keyId = sealedKeyId(sealed);
  if (keyId === null) return { ok: false, failure: isSealedRecord(sealed) ? 'tampered' : 'not-sealed' };
  const key = ring.keys.get(keyId);
  if (!key) return { ok: false, failure: 'unknown-key' };
  const ivStart = MAGIC.length + 2 + encoder.encode(keyId).length;
  // Bytes read back from some IndexedDB implementations sit in another realm's buffer, which
  // WebCrypto refuses: copy them into one of ours first (never the case in the browser).
  if (!(sealed.buffer instanceof ArrayBuffer)) sealed = sealed.slice();
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.slice(ivStart, ivStart + IV_BYTES),
        additionalData: boundData(slot, keyId, metadata),
      },
      key,
      sealed.subarray(ivStart + IV_BYTES) as Uint8Array<ArrayBuffer>,
    );
    return { ok: true, bytes: new Uint8Array(plain) };
  } catch {
    return { ok: false, failure: 'tampered' };
  }
}

/** The authenticated data: format, slot, key id and metadata in one canonical (sorted) form. */
function boundData(slot: string, keyId: string, metadata: RecordMetadata): Uint8Array<ArrayBuffer> {
  const entries = Object.keys(metadata)
    .sort()
    .map((name) => [name, metadata[name] ?? null]);
  return encoder.encode(JSON.stringify(['ff2api-sealed-record', VERSION, slot, keyId, entries]));
}
