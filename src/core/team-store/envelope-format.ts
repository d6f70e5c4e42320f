import * as z from 'zod/mini';
import { isoUtcTime, stringKeyed } from './schema-parts';
import { asBuffer } from '../lock/passphrase-keys';
import { fail, type Result } from '../result';
import type { TeamKey } from './team-keys';

/**
 * The sealed-object envelope's layout and keys (docs/team-store.md draws it):
 *
 *   "FF2T" | version 1 (1 byte) | salt (32) | sealed header length (4, big-endian) | sealed header | sealed chunks…
 *
 * The object's key is HKDF-SHA256(team key, salt). Chunk 0 is the header (JSON metadata); chunks
 * 1… carry the body (gzip unless it already was), each `chunkSize` bytes but the last. Chunk i's
 * nonce is i; its additional data binds the team, the object's name, i and whether it is the last
 * chunk — so a renamed, moved, truncated, reordered or spliced object fails to open.
 */

export const ENVELOPE_MAGIC = [0x46, 0x46, 0x32, 0x54] as const; // "FF2T"
export const ENVELOPE_VERSION = 1;
export const SALT_LENGTH = 32;
export const PREFIX_LENGTH = 4 + 1 + SALT_LENGTH + 4;
export const TAG_LENGTH = 16;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MAX_SEALED_HEADER = 16 * 1024;
/** A ranged GET of this many bytes reads the header of any object whose metadata is ordinary. */
export const METADATA_PROBE_BYTES = 4096;

/** What an object says about itself, sealed in its header. */
export interface ObjectMetadata {
  kind: string;
  createdAt: string;
  deviceId: string;
  person: string;
  /** Whatever the kind needs (a backup: its kind, counts, checksum, file name, …). */
  details: Record<string, unknown>;
}

export interface SealedHeader {
  metadata: ObjectMetadata;
  /** Size of the plaintext before compression. */
  plainSize: number;
  compression: 'gzip' | 'none';
  chunkSize: number;
}

export const headerSchema = z.object({
  metadata: z.object({
    kind: z.string().check(z.minLength(1), z.maxLength(64)),
    createdAt: isoUtcTime(),
    deviceId: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
    person: z.string().check(z.maxLength(200)),
    details: stringKeyed(z.unknown()),
  }),
  plainSize: z.int().check(z.gte(0)),
  compression: z.enum(['gzip', 'none']),
  chunkSize: z.int().check(z.gte(16), z.lte(16 * 1024 * 1024)),
});

/** The per-object AES-GCM key. */
export async function objectKey(teamKey: TeamKey, salt: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: asBuffer(salt), info: new TextEncoder().encode('ff2api-team-object:1') },
    teamKey.key,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Chunk i's nonce: i, big-endian, in 12 bytes. */
export function chunkNonce(index: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, BigInt(index));
  return nonce;
}

export function chunkAad(teamId: string, name: string, index: number, last: boolean): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    `ff2api-team-object:${ENVELOPE_VERSION}:${teamId}:${name}:${index}:${last ? 'last' : 'more'}`,
  );
}

/** The 41 clear bytes before the sealed header. */
export function envelopePrefix(salt: Uint8Array, sealedHeaderLength: number): Uint8Array {
  const prefix = new Uint8Array(PREFIX_LENGTH);
  prefix.set(ENVELOPE_MAGIC, 0);
  prefix[4] = ENVELOPE_VERSION;
  prefix.set(salt, 5);
  new DataView(prefix.buffer).setUint32(5 + SALT_LENGTH, sealedHeaderLength);
  return prefix;
}

/** Salt and sealed header length from the first 41 bytes; null when they are not our envelope. */
export function readEnvelopePrefix(bytes: Uint8Array): { salt: Uint8Array; sealedHeaderLength: number } | null {
  if (bytes.byteLength < PREFIX_LENGTH) return null;
  if (ENVELOPE_MAGIC.some((byte, i) => bytes[i] !== byte) || bytes[4] !== ENVELOPE_VERSION) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5 + SALT_LENGTH);
  if (length < TAG_LENGTH || length > MAX_SEALED_HEADER) return null;
  return { salt: bytes.slice(5, 5 + SALT_LENGTH), sealedHeaderLength: length };
}

/** Thrown inside a body stream when a chunk fails to open; `tamperedObject` turns it into a value. */
export class TamperedObjectError extends Error {
  constructor(readonly why: string) {
    super(`sealed object refused: ${why}`);
    this.name = 'TamperedObjectError';
  }
}

/** The value for an object that failed to open. */
export function tamperedObject<T>(name: string, why: string): Result<T> {
  return fail(
    'object-tampered',
    'An object in the team store failed its integrity check: it was changed, damaged or moved, or it is not from ' +
      'this team. It was refused and nothing from it was used. Nothing else was changed.',
    `${name}: ${why}`,
  );
}

/** Thrown inside a body stream when the download itself stopped (network, store): not tampering. */
export class TransferCutError extends Error {
  constructor(readonly why: string) {
    super(`download stopped: ${why}`);
    this.name = 'TransferCutError';
  }
}

/** The value for a download that stopped before the end. */
export function transferCut<T>(name: string, why: string): Result<T> {
  return fail(
    'store-read-failed',
    'The download from the team store stopped before the end (the network or the store). Nothing was changed; ' +
      'try again.',
    `${name}: ${why}`,
  );
}
