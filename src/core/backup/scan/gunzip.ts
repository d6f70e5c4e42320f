/**
 * Inflating gzip as it streams, with the platform's DecompressionStream (native, several times
 * faster than any inflater written in JavaScript), and a bound on how much text it may give.
 *
 * Whatever the decompressor refuses is a CorruptGzipError. Where the damage is, the platform does
 * not say (Node reports every error only when the input is closed, Chromium in the write that
 * met it): gzip-damage.ts finds it apart, once the read has failed.
 */

/** Raised when the decompressor refuses the data: the file is gzip, but damaged. */
export class CorruptGzipError extends Error {
  constructor(cause: unknown) {
    super(`gzip data is damaged: ${String(cause)}`);
    this.name = 'CorruptGzipError';
  }
}

/** Raised when compressed data inflates past what its file's size allows (a decompression bomb). */
export class InflateLimitError extends Error {
  constructor(
    readonly limit: number,
    readonly fileBytes: number,
  ) {
    super(`inflates to more than ${limit} bytes from a file of ${fileBytes} bytes`);
    this.name = 'InflateLimitError';
  }
}

/**
 * Gunzips a stream of chunks. An error reading `chunks` (the file itself) is passed on as it is;
 * one from the decompressor becomes a CorruptGzipError. Stopping early (the consumer returns)
 * cancels the decompressor, which ends the feeding and closes the source.
 */
export async function* gunzipChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  let sourceFailure: { error: unknown } | null = null;
  const pump = (async () => {
    const source = chunks[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await source.next();
      } catch (error) {
        sourceFailure = { error };
        await writer.abort(error).catch(() => undefined);
        return;
      }
      if (next.done) break;
      try {
        await writer.ready;
        await writer.write(next.value as Uint8Array<ArrayBuffer>);
      } catch {
        // The decompressor failed or was cancelled: the reading side reports it. The source stops.
        await source.return?.(undefined).catch(() => undefined);
        return;
      }
    }
    await writer.close().catch(() => undefined);
  })();
  const reader = inflate.readable.getReader();
  let isDone = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        isDone = true;
        await pump;
        if (sourceFailure !== null) throw (sourceFailure as { error: unknown }).error;
        throw new CorruptGzipError(error);
      }
      if (next.done) break;
      yield next.value;
    }
    isDone = true;
    await pump;
  } finally {
    if (!isDone) {
      await reader.cancel().catch(() => undefined);
      await pump;
    }
    reader.releaseLock();
  }
}

/**
 * Passes chunks on, refusing once their total passes `limit` bytes — before the chunk that would
 * pass it is handed out, so no consumer ever holds more than `limit`.
 */
export async function* limitBytes(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  refuse: () => Error,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > limit) throw refuse();
    yield chunk;
  }
}
