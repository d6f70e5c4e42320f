import type { PutBody } from '../../core/team-store/object-store';

/**
 * Cuts a body into upload parts of `partSize` bytes (the last one may be shorter), read lazily:
 * a Blob is sliced without reading it, a stream is read only as far as the next part needs, so a
 * large upload holds about one part in memory, never the whole object.
 */
export type Part = Uint8Array | Blob;

export async function* partsOf(body: PutBody, partSize: number): AsyncGenerator<Part> {
  if (body instanceof Uint8Array || body instanceof Blob) {
    const size = body instanceof Blob ? body.size : body.byteLength;
    let at = 0;
    do {
      yield body instanceof Blob ? body.slice(at, at + partSize) : body.subarray(at, at + partSize);
      at += partSize;
    } while (at < size);
    return;
  }
  yield* streamParts(body, partSize);
}

async function* streamParts(stream: ReadableStream<Uint8Array>, partSize: number): AsyncGenerator<Part> {
  const reader = stream.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let yielded = false;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let chunk = value;
      while (pendingBytes + chunk.byteLength >= partSize) {
        const take = partSize - pendingBytes;
        pending.push(chunk.subarray(0, take));
        yield join(pending, partSize);
        yielded = true;
        chunk = chunk.subarray(take);
        pending = [];
        pendingBytes = 0;
      }
      if (chunk.byteLength > 0) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
      }
    }
    finished = true;
    if (pendingBytes > 0 || !yielded) yield join(pending, pendingBytes);
  } finally {
    // An upload given up half-way stops reading the body (an encrypting pipe upstream stops too).
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function join(pieces: readonly Uint8Array[], total: number): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.byteLength;
  }
  return joined;
}

/** Bytes of one part, for fetch. */
export function partSize(part: Part): number {
  return part instanceof Blob ? part.size : part.byteLength;
}

/** Several parts as one body (a single PUT of a body that turned out small). */
export function joinParts(parts: readonly Part[]): Blob {
  return new Blob(parts as BlobPart[]);
}
