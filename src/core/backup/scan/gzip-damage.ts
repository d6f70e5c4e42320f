import { readRawChunks, sizeOf, type BackupContents } from './byte-source';
import { crc32 } from './crc32';

/**
 * Where a gzip file the decompressor refused is damaged, for the refusal to say (RFC 1952: a
 * header, deflate data, then the CRC-32 and size of the text). Runs only after a read failed: it
 * reads the file once more with fflate, an inflater in JavaScript that fails in the very piece
 * of input that broke it (the platform's decompressor reports its error only when the input is
 * closed, in Node), then reads that one piece again a byte at a time to name the byte.
 *
 * Damaged deflate data is found where it stops making sense, which is at or a few bytes after
 * the damage; damage that still decodes (a changed literal) shows only in the CRC-32 at the end.
 */

export type GzipDamageKind = 'header' | 'data' | 'ends-early' | 'check' | 'after-end';

export interface GzipDamage {
  kind: GzipDamageKind;
  /** The byte (from 0) where the damage shows. */
  offset: number;
  /** The file's size in bytes. */
  size: number;
  /** What is wrong there, for developers. */
  reason: string;
}

const TRAILER_BYTES = 8;
const FIXED_HEADER_BYTES = 10;
/** Optional header fields (a file name, a comment) longer than this are taken for damage. */
const HEADER_SEARCH_BYTES = 64 * 1024;
/** Deflate data that fails this close to a header with optional fields most likely began elsewhere. */
const NEAR_HEADER_BYTES = 64;
const PIECE_BYTES = 64 * 1024;
/** How far back from the end a misplaced trailer (data appended after it) is looked for. */
const TAIL_SEARCH_BYTES = 1024 * 1024;

const FLAG_EXTRA = 4;
const FLAG_NAME = 8;
const FLAG_COMMENT = 16;
const FLAG_HEADER_CRC = 2;
const RESERVED_FLAGS = 0xe0;

/**
 * The damage in a gzip file, or null when there is none, or none is found within `maxTextBytes` of inflated text —
 * or the search itself failed (the inflater's code could not be loaded, the file could not be
 * read again): the refusal then says that the file is damaged, without where. Never throws.
 */
export async function locateGzipDamage(contents: BackupContents, maxTextBytes: number): Promise<GzipDamage | null> {
  try {
    return await locate(contents, maxTextBytes);
  } catch {
    return null;
  }
}

async function locate(contents: BackupContents, maxTextBytes: number): Promise<GzipDamage | null> {
  const size = sizeOf(contents);
  const damage = (kind: GzipDamageKind, offset: number, reason: string): GzipDamage => ({ kind, offset, size, reason });
  const header = readHeader(await bytesAt(contents, 0, Math.min(size, HEADER_SEARCH_BYTES)), size);
  if ('kind' in header) return damage(header.kind, header.offset, header.reason);
  const dataEnd = size - TRAILER_BYTES;
  if (dataEnd <= header.end) return damage('ends-early', size, 'no room for compressed data and its trailer');

  const pass = await inflateRange(contents, header.end, dataEnd, maxTextBytes, null);
  if (pass.outcome === 'too-much') return null;
  if (pass.outcome === 'eof') return damage('ends-early', size, 'the compressed data does not end');
  if (pass.outcome === 'error') {
    const exact = await inflateRange(contents, header.end, dataEnd, maxTextBytes, pass.failedAt);
    const offset = exact.outcome === 'error' ? exact.failedAt : pass.failedAt;
    if (header.flags !== 0 && offset - header.end < NEAR_HEADER_BYTES) {
      return damage('header', 3, `flags ${header.flags}, then ${pass.reason}`);
    }
    return damage('data', offset, pass.reason);
  }
  // The data inflated whole: its trailer — the text's CRC-32, then its size — should end the file.
  const tailStart = Math.max(header.end, size - TAIL_SEARCH_BYTES);
  const tail = await bytesAt(contents, tailStart, size);
  const trailer = new Uint8Array([...littleEndian(pass.crc), ...littleEndian(pass.textBytes)]);
  if (endsWith(tail, trailer)) return null;
  const found = lastIndexOf(tail, trailer, tail.length - trailer.length - 1);
  if (found >= 0) return damage('after-end', tailStart + found + trailer.length, 'bytes follow the trailer');
  const sizeMatches = endsWith(tail, trailer.subarray(4));
  return damage(
    'check',
    dataEnd,
    sizeMatches ? 'the CRC-32 does not match the text' : 'the size in the trailer does not match the text',
  );
}

type Header = { end: number; flags: number } | { kind: GzipDamageKind; offset: number; reason: string };

/** The header's length and flags, or where it is damaged (`head`: the file's first bytes). */
function readHeader(head: Uint8Array, size: number): Header {
  const cut = (reason: string): Header =>
    head.length >= size
      ? { kind: 'ends-early', offset: size, reason }
      : { kind: 'header', offset: HEADER_SEARCH_BYTES, reason };
  if (head.length < FIXED_HEADER_BYTES) return cut('the header is incomplete');
  if (head[2] !== 8) return { kind: 'header', offset: 2, reason: `compression method ${String(head[2])}, not deflate` };
  const flags = head[3] as number;
  if ((flags & RESERVED_FLAGS) !== 0) return { kind: 'header', offset: 3, reason: `reserved flags set (${flags})` };
  let at = FIXED_HEADER_BYTES;
  if (flags & FLAG_EXTRA) {
    if (at + 2 > head.length) return cut('the extra field is incomplete');
    at += 2 + ((head[at] as number) | ((head[at + 1] as number) << 8));
  }
  for (const flag of [FLAG_NAME, FLAG_COMMENT]) {
    if (!(flags & flag)) continue;
    const zero = at < head.length ? head.indexOf(0, at) : -1;
    if (zero < 0) return cut('a header text does not end');
    at = zero + 1;
  }
  if (flags & FLAG_HEADER_CRC) at += 2;
  if (at > head.length) return cut('the header is incomplete');
  return { end: at, flags };
}

type Pass =
  | { outcome: 'ok'; textBytes: number; crc: number }
  | { outcome: 'eof' }
  | { outcome: 'too-much' }
  | { outcome: 'error'; failedAt: number; reason: string };

/** A signal from the output callback that the text is too long to follow. */
const TOO_MUCH = new Error('too much text');

/**
 * Inflates [start, end) of the file. The failing push names the piece that broke it; with
 * `byteFrom`, input from that offset on is pushed a byte at a time, so it names the byte.
 */
async function inflateRange(
  contents: BackupContents,
  start: number,
  end: number,
  maxTextBytes: number,
  byteFrom: number | null,
): Promise<Pass> {
  // Loaded only here: most reads never need it.
  const { Inflate } = await import('fflate');
  let textBytes = 0;
  let crc = 0;
  const inflater = new Inflate((data) => {
    textBytes += data.byteLength;
    if (textBytes > maxTextBytes) throw TOO_MUCH;
    crc = crc32(data, crc);
  });
  let offset = start;
  let pushedAt = start;
  try {
    for await (const chunk of readRawChunks(rangeOf(contents, start, end))) {
      for (let i = 0; i < chunk.length;) {
        const untilBytewise = byteFrom === null ? PIECE_BYTES : byteFrom - offset;
        const step = byteFrom !== null && offset >= byteFrom ? 1 : Math.min(PIECE_BYTES, untilBytewise);
        const piece = chunk.subarray(i, i + step);
        pushedAt = offset;
        i += piece.length;
        offset += piece.length;
        inflater.push(piece, offset >= end);
      }
    }
    if (offset === start) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error === TOO_MUCH) return { outcome: 'too-much' };
    // fflate's errors carry a numeric code (0: the data ended early); anything else is not the data's.
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'number') throw error;
    if (code === 0) return { outcome: 'eof' };
    return { outcome: 'error', failedAt: pushedAt, reason: error instanceof Error ? error.message : String(error) };
  }
  return { outcome: 'ok', textBytes, crc };
}

function rangeOf(contents: BackupContents, start: number, end: number): BackupContents {
  return contents instanceof Uint8Array ? contents.subarray(start, end) : contents.slice(start, end);
}

async function bytesAt(contents: BackupContents, start: number, end: number): Promise<Uint8Array> {
  const range = rangeOf(contents, start, end);
  return range instanceof Uint8Array ? range : new Uint8Array(await range.arrayBuffer());
}

/** A 32-bit number as 4 bytes, least significant first (how gzip stores the text's size). */
function littleEndian(value: number): Uint8Array {
  const v = value >>> 0;
  return new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]);
}

function endsWith(bytes: Uint8Array, suffix: Uint8Array): boolean {
  return bytes.length >= suffix.length && suffix.every((byte, i) => bytes[bytes.length - suffix.length + i] === byte);
}

/** The last place at or before `from` where `pattern` starts in `bytes`, or -1. */
function lastIndexOf(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = Math.min(from, bytes.length - pattern.length); at >= 0; at--) {
    if (pattern.every((byte, i) => bytes[at + i] === byte)) return at;
  }
  return -1;
}
