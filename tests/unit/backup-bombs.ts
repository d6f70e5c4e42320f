import { constants, crc32, deflateRawSync } from 'node:zlib';
import { canonicalJson } from '../../src/core/backup/checksum/canonical-json';
import { bytesToBase64, encodeUtf8 } from '../../src/core/backup/format/encoding';
import { SEALED_CHUNK_BYTES } from '../../src/core/backup/format/limits';
import { deriveKey } from '../../src/core/backup/seal/seal';
import { ChunkSealer } from '../../src/core/backup/seal/stream-seal';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import { utf8 } from './backup-support';

/**
 * Decompression bombs for the reader's tests, built in milliseconds without ever holding what
 * they inflate to: one deflate block of 1 MiB of spaces (≈ 1 kB), repeated; the gzip trailer's
 * CRC-32 and size are the real ones, so each is a valid gzip a careless reader would unpack whole.
 */

const MIB = 1024 * 1024;
const SPACES = Buffer.alloc(MIB, 0x20);
const SPACE_BLOCK = deflateRawSync(SPACES, { level: 9, finishFlush: constants.Z_FULL_FLUSH });

/** A gzip file whose text is `prefix`, `mebibytes` MiB of spaces, then `suffix`. */
export function gzipBomb(prefix: string, mebibytes: number, suffix: string): Uint8Array {
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  let crc = crc32(head);
  for (let i = 0; i < mebibytes; i++) crc = crc32(SPACES, crc);
  crc = crc32(tail, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((head.length + mebibytes * MIB + tail.length) >>> 0, 4);
  const parts = [
    Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]),
    deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH }),
    ...Array<Buffer>(mebibytes).fill(SPACE_BLOCK),
    deflateRawSync(tail),
    trailer,
  ];
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A gzip file of `totalBytes` whose deflate data is sound — an original backup's header and its
 * first rows — but whose size trailer claims `statedTextBytes` of text (and whose CRC-32 is
 * wrong): a reader gets as far as preparing for the rows before the trailer is checked.
 */
export function lyingGzip(totalBytes: number, statedTextBytes: number): Uint8Array {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(statedTextBytes >>> 0, 4);
  for (let length = 0; length < 200; length++) {
    const name = Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    const data = deflateRawSync(Buffer.from(`{"backup_info":{},"upload_history":[{"filename":"${name}"}]}`));
    if (header.length + data.length + trailer.length === totalBytes)
      return new Uint8Array(Buffer.concat([header, data, trailer]));
  }
  throw new Error(`no gzip of ${totalBytes} bytes`);
}

/** Our data part: every section, the first one holding `mebibytes` MiB of spaces. */
function dataPartBomb(mebibytes: number): Uint8Array {
  return gzipBomb(
    '{"brokerages":[',
    mebibytes,
    '],"brokerage_configurations":[],"upload_history":[],"processing_errors":[],"configuration_changes":[],"activity_log":[]}',
  );
}

/** A plain `.json.gz` backup: a real 2.2 header, then a first section padded with spaces. */
export function plainGzipBomb(headerLine: string, mebibytes: number): Uint8Array {
  return gzipBomb(
    `${headerLine}\n"brokerages":[`,
    mebibytes,
    '],"brokerage_configurations":[],"upload_history":[],"processing_errors":[],"configuration_changes":[],"activity_log":[]}\n',
  );
}

function encryptedInfo(version: string): Record<string, unknown> {
  return {
    format: 'ff2api_backup',
    version,
    app_version: 'bomb',
    created_at: '2026-11-22T17:00:03.120Z',
    trigger: 'manual',
    schema_version: SCHEMA_VERSION,
    counts: {
      brokerages: 0,
      brokerage_configurations: 0,
      upload_history: 0,
      processing_errors: 0,
      configuration_changes: 0,
    },
    checksum: { algorithm: 'SHA-256', value: '0'.repeat(64) },
    secrets: 'encrypted',
  };
}

const KDF = (salt: string, iterations: number) => ({ name: 'PBKDF2', hash: 'SHA-256', iterations, salt });

/** An encrypted 2.0 file whose one sealed part inflates to `mebibytes` MiB (opened with `passphrase`). */
export async function encrypted20Bomb(passphrase: string, mebibytes: number): Promise<Uint8Array> {
  const info = encryptedInfo('2.0');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, 100_000);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encodeUtf8(canonicalJson(info) ?? '') },
    key,
    dataPartBomb(mebibytes) as Uint8Array<ArrayBuffer>,
  );
  const encrypted = {
    kdf: KDF(bytesToBase64(salt), 100_000),
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    compression: 'gzip',
    data: bytesToBase64(new Uint8Array(data)),
  };
  return utf8(JSON.stringify({ backup_info: info, encrypted }));
}

/** An encrypted 2.1 file (sealed chunks) whose data part inflates to `mebibytes` MiB. */
export async function encrypted21Bomb(passphrase: string, mebibytes: number): Promise<Uint8Array> {
  const info = encryptedInfo('2.1');
  const sealer = await ChunkSealer.create(passphrase, 100_000);
  const compressed = dataPartBomb(mebibytes);
  const chunks: string[] = [];
  for (let start = 0; start < compressed.length; start += SEALED_CHUNK_BYTES) {
    const isLast = start + SEALED_CHUNK_BYTES >= compressed.length;
    const piece = compressed.slice(start, start + SEALED_CHUNK_BYTES);
    chunks.push(await sealer.seal(piece, isLast, isLast ? encodeUtf8(canonicalJson(info) ?? '') : null));
  }
  const { iterations, salt, iv } = sealer.parameters;
  const encrypted = {
    kdf: KDF(salt, iterations),
    cipher: { name: 'AES-GCM', iv },
    compression: 'gzip',
    chunk_bytes: SEALED_CHUNK_BYTES,
  };
  return utf8(JSON.stringify({ backup_info: info, encrypted, sealed_chunks: chunks }));
}
