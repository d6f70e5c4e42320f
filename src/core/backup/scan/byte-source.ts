import { MAX_BACKUP_BYTES, maxInflatedBytes, SIZE_HINT_RATIO } from '../format/limits';
import { gunzipChunks, InflateLimitError, limitBytes } from './gunzip';

export { CorruptGzipError, InflateLimitError } from './gunzip';

/**
 * A backup's bytes as a stream of chunks, from a File/Blob or bytes already in memory, gunzipped
 * on the way when the file is gzip (`.json.gz`, format 2.1 above a size). Nothing is read whole:
 * a Blob is read with `stream()` (or, where a runtime lacks it, in slices).
 */

export type BackupContents = Blob | Uint8Array;

export type SourceKind = 'json' | 'gzip' | 'zip' | 'empty';

/** Raised when a stream passes MAX_BACKUP_BYTES of text. */
export class TooBigError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes of JSON text`);
    this.name = 'TooBigError';
  }
}

const SLICE_BYTES = 4 * 1024 * 1024;

/** What the first bytes say the file is. */
export async function sniffSource(contents: BackupContents): Promise<SourceKind> {
  const head =
    contents instanceof Uint8Array ? contents.subarray(0, 4) : new Uint8Array(await contents.slice(0, 4).arrayBuffer());
  if (head.length === 0) return 'empty';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  return 'json';
}

/** The size of the contents in bytes (for a gzip file: compressed). */
export function sizeOf(contents: BackupContents): number {
  return contents instanceof Uint8Array ? contents.byteLength : contents.size;
}

/**
 * About how many bytes of JSON text the contents hold, to size buffers up front: a plain file's
 * size, or a gzip file's ISIZE trailer (the uncompressed size modulo 2³², exact for our writer's
 * single gzip member below 4 GiB) — but never more than SIZE_HINT_RATIO times the file's real
 * size, since a damaged or crafted trailer must not reserve memory the file cannot fill. Only a
 * hint: it changes how much is reserved up front, never what is read. `kind`: what sniffSource found.
 */
export async function expectedTextBytes(contents: BackupContents, kind: SourceKind): Promise<number> {
  const size = sizeOf(contents);
  if (kind !== 'gzip' || size < 18) return size;
  const tail = new Uint8Array(
    contents instanceof Uint8Array ? contents.slice(size - 4) : await contents.slice(size - 4).arrayBuffer(),
  );
  const stated = new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true);
  return Math.min(stated, size * SIZE_HINT_RATIO);
}

/**
 * The JSON text's bytes, chunk by chunk; `onBytes` hears the file's bytes read so far (progress).
 * The text may be at most `maxTextBytes`: by default MAX_BACKUP_BYTES for a plain file and, for a
 * gzip file, what its size allows (maxInflatedBytes: a decompression bomb is refused early).
 */
export async function* readJsonChunks(
  contents: BackupContents,
  onBytes: (read: number) => void = () => {},
  maxTextBytes?: number,
): AsyncGenerator<Uint8Array> {
  const kind = await sniffSource(contents);
  let read = 0;
  const raw = readRawChunks(contents);
  const counted = (async function* () {
    for await (const chunk of raw) {
      read += chunk.byteLength;
      onBytes(read);
      yield chunk;
    }
  })();
  if (kind !== 'gzip') {
    const limit = maxTextBytes ?? MAX_BACKUP_BYTES;
    yield* limitBytes(counted, limit, () => new TooBigError(limit));
    return;
  }
  const fileBytes = sizeOf(contents);
  const limit = maxTextBytes ?? maxInflatedBytes(fileBytes);
  const refuse = () => (limit < MAX_BACKUP_BYTES ? new InflateLimitError(limit, fileBytes) : new TooBigError(limit));
  yield* limitBytes(gunzipChunks(counted), limit, refuse);
}

/** The file's own bytes, in slices (a Blob is streamed). */
export async function* readRawChunks(contents: BackupContents): AsyncGenerator<Uint8Array> {
  if (contents instanceof Uint8Array) {
    for (let start = 0; start < contents.length; start += SLICE_BYTES)
      yield contents.subarray(start, start + SLICE_BYTES);
    return;
  }
  if (typeof contents.stream === 'function') {
    const reader = contents.stream().getReader();
    // One read ahead: the next chunk arrives while this one is parsed and stored.
    let next = reader.read();
    let isDone = false;
    try {
      for (;;) {
        const { done, value } = await next;
        if (done) {
          isDone = true;
          return;
        }
        next = reader.read();
        yield value;
      }
    } finally {
      // A reader that stopped early (the header found, a refusal) leaves a read pending: cancel it.
      if (!isDone) {
        void next.catch(() => undefined);
        await reader.cancel().catch(() => undefined);
      }
      reader.releaseLock();
    }
  }
  // jsdom's Blob has no stream(): read it in slices.
  for (let start = 0; start < contents.size; start += SLICE_BYTES) {
    yield new Uint8Array(await contents.slice(start, start + SLICE_BYTES).arrayBuffer());
  }
}
