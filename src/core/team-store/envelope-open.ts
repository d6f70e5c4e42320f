import { describeIssues } from './schema-parts';
import { asBuffer } from '../lock/passphrase-keys';
import { ok, type Result } from '../result';
import { ExactReader, exactSize, generatorStream } from './byte-streams';
import {
  PREFIX_LENGTH,
  TAG_LENGTH,
  TamperedObjectError,
  TransferCutError,
  chunkAad,
  chunkNonce,
  headerSchema,
  objectKey,
  readEnvelopePrefix,
  tamperedObject,
  transferCut,
  type SealedHeader,
} from './envelope-format';
import type { TeamKey } from './team-keys';

/**
 * Opens sealed objects. The header is checked before anything is returned; the body is opened
 * chunk by chunk as it arrives, and any chunk that fails (or a missing end) fails the stream with
 * TamperedObjectError — so a reader never gets garbage, only the object or a refusal.
 */

export interface OpenedObject {
  header: SealedHeader;
  /** The plaintext, as it arrives; errors with TamperedObjectError if the rest does not open. */
  body: ReadableStream<Uint8Array>;
}

/** Reads the header from the first bytes (a ranged GET); 'need-more' with the count when they are too few. */
export async function readSealedHeader(
  teamKey: TeamKey,
  name: string,
  firstBytes: Uint8Array,
): Promise<Result<SealedHeader> | { needBytes: number }> {
  const prefix = readEnvelopePrefix(firstBytes);
  if (!prefix) return tamperedObject(name, 'not a sealed object of this app');
  const end = PREFIX_LENGTH + prefix.sealedHeaderLength;
  if (firstBytes.byteLength < end) return { needBytes: end };
  const key = await objectKey(teamKey, prefix.salt);
  return openHeader(teamKey, name, key, firstBytes.subarray(PREFIX_LENGTH, end));
}

/** Opens a whole sealed object as it streams in. */
export async function openObject(
  teamKey: TeamKey,
  name: string,
  sealed: ReadableStream<Uint8Array>,
): Promise<Result<OpenedObject>> {
  const reader = new ExactReader(sealed);
  let prefixBytes: Uint8Array;
  try {
    prefixBytes = await readOrCut(reader, PREFIX_LENGTH);
  } catch (error) {
    return transferCut(name, describe(error));
  }
  const prefix = readEnvelopePrefix(prefixBytes);
  if (!prefix) {
    await reader.cancel();
    return tamperedObject(name, 'not a sealed object of this app');
  }
  const key = await objectKey(teamKey, prefix.salt);
  let headerBytes: Uint8Array;
  try {
    headerBytes = await readOrCut(reader, prefix.sealedHeaderLength);
  } catch (error) {
    return transferCut(name, describe(error));
  }
  const header = await openHeader(teamKey, name, key, headerBytes);
  if (!header.ok) {
    await reader.cancel();
    return header;
  }
  const { plainSize, compression, chunkSize } = header.value;
  let body = generatorStream(openChunks(reader, key, teamKey.teamId, name, chunkSize));
  // The platform types its writable side as BufferSource; every chunk here is a plain Uint8Array.
  if (compression === 'gzip')
    body = body.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  body = body.pipeThrough(
    exactSize(plainSize, (seen) => new TamperedObjectError(`${seen} bytes instead of ${plainSize}`)),
  );
  return ok({ header: header.value, body });
}

/**
 * A whole opened body as bytes, or the tampered value if any part failed. The size is known and
 * authenticated, so the bytes are copied once into an array of that size.
 */
export async function readOpenedBody(name: string, opened: OpenedObject): Promise<Result<Uint8Array>> {
  const whole = new Uint8Array(opened.header.plainSize);
  const reader = opened.body.getReader();
  let filled = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      whole.set(next.value, filled);
      filled += next.value.byteLength;
    }
  } catch (error) {
    if (error instanceof TransferCutError) return transferCut(name, error.why);
    return tamperedObject(name, describe(error));
  }
  return ok(whole);
}

async function openHeader(
  teamKey: TeamKey,
  name: string,
  key: CryptoKey,
  sealed: Uint8Array,
): Promise<Result<SealedHeader>> {
  const plain = await openChunk(key, sealed, chunkNonce(0), chunkAad(teamKey.teamId, name, 0, false));
  if (!plain) return tamperedObject(name, 'the header did not open');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return tamperedObject(name, 'the header is not JSON');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) return tamperedObject(name, `the header is not valid: ${describeIssues(parsed.error)}`);
  return ok(parsed.data);
}

async function* openChunks(
  reader: ExactReader,
  key: CryptoKey,
  teamId: string,
  name: string,
  chunkSize: number,
): AsyncGenerator<Uint8Array> {
  const sealedSize = chunkSize + TAG_LENGTH;
  let index = 1;
  let current = await readOrCut(reader, sealedSize);
  for (;;) {
    if (current.byteLength < TAG_LENGTH) throw new TamperedObjectError(`chunk ${index} is missing or cut short`);
    const next = current.byteLength < sealedSize ? new Uint8Array(0) : await readOrCut(reader, sealedSize);
    const last = next.byteLength === 0;
    const plain = await openChunk(key, current, chunkNonce(index), chunkAad(teamId, name, index, last));
    if (!plain) {
      await reader.cancel();
      throw new TamperedObjectError(`chunk ${index} did not open`);
    }
    yield plain;
    if (last) return;
    current = next;
    index++;
  }
}

async function openChunk(
  key: CryptoKey,
  sealed: Uint8Array,
  iv: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(
      await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, asBuffer(sealed)),
    );
  } catch {
    return null;
  }
}

/** A read of the sealed bytes; a failure of the stream itself is a cut transfer, not tampering. */
async function readOrCut(reader: ExactReader, count: number): Promise<Uint8Array> {
  try {
    return await reader.read(count);
  } catch (error) {
    throw new TransferCutError(describe(error));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
