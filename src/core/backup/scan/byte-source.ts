import { MAX_BACKUP_BYTES } from '../format/limits';

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

/** Raised when gzip data is damaged. */
export class CorruptGzipError extends Error {
  constructor(cause: unknown) {
    super(`gzip data is damaged: ${String(cause)}`);
    this.name = 'CorruptGzipError';
  }
}

const SLICE_BYTES = 4 * 1024 * 1024;

/** What the first bytes say the file is. */
export async function sniffSource(contents: BackupContents): Promise<SourceKind> {
  const head = contents instanceof Uint8Array ? contents.subarray(0, 4) : new Uint8Array(await contents.slice(0, 4).arrayBuffer());
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
 * How many bytes of JSON text the contents hold, as far as can be told without reading them: a
 * plain file's size, or a gzip file's ISIZE trailer (the uncompressed size modulo 2³², which
 * our writer's single gzip member makes exact below 4 GiB). Only a hint for sizing buffers: a
 * damaged or crafted trailer changes how much is reserved up front, never what is read.
 * `kind`: what sniffSource found.
 */
export async function expectedTextBytes(contents: BackupContents, kind: SourceKind): Promise<number> {
  const size = sizeOf(contents);
  if (kind !== 'gzip' || size < 18) return size;
  const tail = contents instanceof Uint8Array ? contents.subarray(size - 4) : new Uint8Array(await contents.slice(size - 4).arrayBuffer());
  return ((tail[0] as number) | ((tail[1] as number) << 8) | ((tail[2] as number) << 16) | ((tail[3] as number) << 24)) >>> 0;
}

/** The JSON text's bytes, chunk by chunk; `onBytes` hears the compressed bytes read so far (progress). */
export async function* readJsonChunks(contents: BackupContents, onBytes: (read: number) => void = () => {}, maxBytes = MAX_BACKUP_BYTES): AsyncGenerator<Uint8Array> {
  const kind = await sniffSource(contents);
  let read = 0;
  const raw = rawChunks(contents);
  const counted = (async function* () {
    for await (const chunk of raw) {
      read += chunk.byteLength;
      onBytes(read);
      yield chunk;
    }
  })();
  const text = kind === 'gzip' ? gunzipChunks(counted) : counted;
  let total = 0;
  for await (const chunk of text) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new TooBigError(maxBytes);
    yield chunk;
  }
}

async function* rawChunks(contents: BackupContents): AsyncGenerator<Uint8Array> {
  if (contents instanceof Uint8Array) {
    for (let start = 0; start < contents.length; start += SLICE_BYTES) yield contents.subarray(start, start + SLICE_BYTES);
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

/** Gunzips a stream of chunks with the platform's DecompressionStream. */
async function* gunzipChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  let sourceError: unknown = null;
  const pump = (async () => {
    try {
      for await (const chunk of chunks) {
        await writer.ready;
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      }
      await writer.close();
    } catch (error) {
      sourceError ??= error;
      await writer.abort(error).catch(() => undefined);
    }
  })();
  const reader = inflate.readable.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        await pump;
        throw sourceError ?? new CorruptGzipError(error);
      }
      if (next.done) break;
      yield next.value;
    }
    await pump;
  } finally {
    reader.releaseLock();
  }
}
