/**
 * Small stream helpers for the envelope: a body as a stream, a reader that takes exact byte
 * counts across arbitrary chunk boundaries, pieces of a fixed size with the last one marked, and
 * an async generator as a pull-driven stream (so an upload reads the source only as fast as it
 * sends — the whole plaintext is never held at once).
 */

/** Any body as a byte stream. */
export function toByteStream(body: Blob | Uint8Array | ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  // Checked by shape, not instanceof: bytes made in another realm (a test's DOM, a worker) count too.
  if ('getReader' in body) return body;
  if (ArrayBuffer.isView(body)) {
    return new ReadableStream({
      start(controller) {
        if (body.byteLength > 0) controller.enqueue(body);
        controller.close();
      },
    });
  }
  return body.stream();
}

/** Reads exact byte counts from a stream, whatever sizes its chunks come in. */
export class ExactReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private ended = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  /** Up to `count` bytes: fewer only at the end of the stream (an empty array: nothing left). */
  async read(count: number): Promise<Uint8Array> {
    while (this.bufferedBytes < count && !this.ended) {
      const { done, value } = await this.reader.read();
      if (done) this.ended = true;
      else if (value.byteLength > 0) {
        this.buffered.push(value);
        this.bufferedBytes += value.byteLength;
      }
    }
    return this.take(Math.min(count, this.bufferedBytes));
  }

  async cancel(reason?: unknown): Promise<void> {
    await this.reader.cancel(reason).catch(() => undefined);
  }

  private take(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.buffered[0] as Uint8Array;
      const used = Math.min(head.byteLength, count - filled);
      out.set(head.subarray(0, used), filled);
      filled += used;
      if (used === head.byteLength) this.buffered.shift();
      else this.buffered[0] = head.subarray(used);
    }
    this.bufferedBytes -= count;
    return out;
  }
}

/** Pieces of exactly `size` bytes (the last may be shorter or empty), each told whether it is the last. */
export async function* fixedPieces(
  stream: ReadableStream<Uint8Array>,
  size: number,
): AsyncGenerator<{ piece: Uint8Array; last: boolean }> {
  const reader = new ExactReader(stream);
  let current = await reader.read(size);
  for (;;) {
    const next = current.byteLength < size ? new Uint8Array(0) : await reader.read(size);
    if (next.byteLength === 0) {
      yield { piece: current, last: true };
      return;
    }
    yield { piece: current, last: false };
    current = next;
  }
}

/** An async generator as a stream that pulls one item per read; cancelling stops the generator. */
export function generatorStream(generator: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await generator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await generator.return(undefined);
    },
  });
}

/** Passes bytes through, failing the stream when more than `limit` go by or the total is not `expected`. */
export function exactSize(expected: number, onWrong: (seen: number) => Error): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > expected) controller.error(onWrong(seen));
      else controller.enqueue(chunk);
    },
    flush(controller) {
      if (seen !== expected) controller.error(onWrong(seen));
    },
  });
}
