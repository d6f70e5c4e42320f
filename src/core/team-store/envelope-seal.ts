import { asBuffer } from '../lock/passphrase-keys';
import { randomBytes } from '../lock/random-bytes';
import { fixedPieces, generatorStream, toByteStream } from './byte-streams';
import {
  DEFAULT_CHUNK_SIZE,
  SALT_LENGTH,
  chunkAad,
  chunkNonce,
  envelopePrefix,
  objectKey,
  type ObjectMetadata,
  type SealedHeader,
} from './envelope-format';
import type { TeamKey } from './team-keys';

/**
 * Seals an object as it is read: gzip (unless the body already is gzip), then AES-GCM chunk by
 * chunk, pulled by whoever reads the result — an upload holds about one chunk of plaintext at a
 * time. `plainSize` is the body's size; a body of another size makes the stream fail, so a short
 * read can never be stored as a complete backup.
 */

export interface SealInput {
  teamKey: TeamKey;
  /** The object's name relative to the team's prefix (bound into every chunk). */
  name: string;
  metadata: ObjectMetadata;
  body: Blob | Uint8Array | ReadableStream<Uint8Array>;
  plainSize: number;
  chunkSize?: number;
}

export function sealObject(input: SealInput): ReadableStream<Uint8Array> {
  return generatorStream(sealedPieces(input));
}

async function* sealedPieces(input: SealInput): AsyncGenerator<Uint8Array> {
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const salt = randomBytes(SALT_LENGTH);
  const key = await objectKey(input.teamKey, salt);
  const seal = async (plain: Uint8Array, index: number, last: boolean) => {
    const params = {
      name: 'AES-GCM',
      iv: chunkNonce(index),
      additionalData: chunkAad(input.teamKey.teamId, input.name, index, last),
    };
    return new Uint8Array(await globalThis.crypto.subtle.encrypt(params, key, asBuffer(plain)));
  };

  const { gzipped, stream: counted } = await peekGzip(toByteStream(input.body), input.plainSize);
  // The platform types its writable side as BufferSource; every chunk here is a plain Uint8Array.
  const gzip = new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const payload = gzipped ? counted : counted.pipeThrough(gzip);
  const header: SealedHeader = {
    metadata: input.metadata,
    plainSize: input.plainSize,
    compression: gzipped ? 'none' : 'gzip',
    chunkSize,
  };
  const sealedHeader = await seal(new TextEncoder().encode(JSON.stringify(header)), 0, false);
  yield joinTwo(envelopePrefix(salt, sealedHeader.byteLength), sealedHeader);
  let index = 1;
  for await (const { piece, last } of fixedPieces(payload, chunkSize)) yield await seal(piece, index++, last);
}

/**
 * The body as it is read, unchanged (no copy of any chunk), with whether it starts with gzip's
 * magic bytes; the stream fails when the body's size is not `expected`.
 */
async function peekGzip(
  stream: ReadableStream<Uint8Array>,
  expected: number,
): Promise<{ gzipped: boolean; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const head: Uint8Array[] = [];
  let seen = 0;
  let ended = false;
  while (seen < 2 && !ended) {
    const next = await reader.read();
    if (next.done) ended = true;
    else {
      head.push(next.value);
      seen += next.value.byteLength;
    }
  }
  const first = head[0];
  const second = first && first.byteLength > 1 ? first[1] : head[1]?.[0];
  const gzipped = first?.[0] === 0x1f && second === 0x8b;
  const wrongSize = (count: number) => new Error(`the body had ${count} bytes, not the ${expected} announced`);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of head) controller.enqueue(piece);
      if (seen > expected) controller.error(wrongSize(seen));
      else if (ended) finish(controller);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) return finish(controller);
      seen += next.value.byteLength;
      if (seen > expected) controller.error(wrongSize(seen));
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
  function finish(controller: ReadableStreamDefaultController<Uint8Array>): void {
    if (seen === expected) controller.close();
    else controller.error(wrongSize(seen));
  }
  return { gzipped, stream: body };
}

function joinTwo(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}
