import { asBuffer } from '../lock/passphrase-keys';
import { randomBytes } from '../lock/random-bytes';
import { ExactReader, exactSize, fixedPieces, generatorStream, toByteStream } from './byte-streams';
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
    const params = { name: 'AES-GCM', iv: chunkNonce(index), additionalData: chunkAad(input.teamKey.teamId, input.name, index, last) };
    return new Uint8Array(await globalThis.crypto.subtle.encrypt(params, key, asBuffer(plain)));
  };

  const { gzipped, stream } = await peekGzip(toByteStream(input.body));
  const counted = stream.pipeThrough(
    exactSize(input.plainSize, (seen) => new Error(`the body had ${seen} bytes, not the ${input.plainSize} announced`)),
  );
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

/** Whether a body starts with gzip's magic bytes, and the body again with those bytes put back. */
async function peekGzip(stream: ReadableStream<Uint8Array>): Promise<{ gzipped: boolean; stream: ReadableStream<Uint8Array> }> {
  const reader = new ExactReader(stream);
  const head = await reader.read(2);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
    },
    async pull(controller) {
      const next = await reader.read(256 * 1024);
      if (next.byteLength === 0) controller.close();
      else controller.enqueue(next);
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
  return { gzipped, stream: rest };
}

function joinTwo(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}
