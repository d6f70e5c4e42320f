import { canonicalJson } from '../checksum/canonical-json';
import { encodeUtf8, type Bytes } from '../format/encoding';
import { ENCRYPTED_SECTION, SEALED_CHUNKS_SECTION } from '../format/format';
import { isPlainObject } from '../format/values';
import { elementValue, parseJsonValue, type ScanEvent } from '../scan/json-scanner';
import { checkSealParameters, decodeExact, decryptSealedData, deriveKey } from '../seal/seal';
import { ChunkOpener } from '../seal/stream-seal';
import type { BackupInfo } from './info';
import { READ_MESSAGES, refusal, refusalWithProblems } from './messages';
import { SectionState, type OursResult } from './section-state';
import type { ReadContext, RowSink } from './parsed';
import { type ProblemLog } from './problems';
import type { AppError } from '../../result';

/**
 * Reads the sections of our own files, format 2.x, as they stream past: each row is parsed,
 * checked and handed to the sink at once, so no step holds the file or its rows. Encrypted data
 * is opened on the way — 2.0's one sealed part whole, 2.1's sealed chunks one by one — and read
 * the same. Nothing is repaired: a file we wrote needs no repair, so anything odd means it was
 * damaged or edited. The counts are compared here; ids, names and links by the sink's database;
 * the checksum by reading that database back (load/).
 */

/** Reads every top-level section after backup_info from `events`. */
export async function readOurSections(
  events: AsyncIterator<ScanEvent>,
  info: BackupInfo,
  rawInfo: Record<string, unknown>,
  sink: RowSink,
  context: ReadContext,
): Promise<OursResult> {
  const state = new SectionState(info, rawInfo, sink, context.fileBytes);
  const shapeLabel = `FF2API Web backup ${info.version}`;
  const aad = canonicalJson(rawInfo);
  if (aad === null) return refusal('invalid-backup', READ_MESSAGES.invalid(1));
  let sealed: { parameters: ReturnType<typeof checkSealParameters>; isChunked: boolean } | null = null;

  for (;;) {
    const next = await events.next();
    if (next.done) break;
    const event = next.value;
    if (event.kind === 'value' && event.key === ENCRYPTED_SECTION) {
      const raw = parseOrProblem(event.bytes, ENCRYPTED_SECTION, undefined, state.problems);
      if (info.secrets !== 'encrypted') {
        state.problems.add(
          ENCRYPTED_SECTION,
          undefined,
          undefined,
          `is present, but backup_info.secrets says "${info.secrets}"`,
        );
        continue;
      }
      const isChunked = isPlainObject(raw) && !Object.hasOwn(raw, 'data');
      const parameters = checkSealParameters(raw, !isChunked);
      if (Array.isArray(parameters)) {
        state.problems.add(ENCRYPTED_SECTION, undefined, parameters[0], parameters[1]);
        return refusalWithProblems(state.problems);
      }
      sealed = { parameters, isChunked };
      if (context.passphrase === undefined) {
        return {
          ok: true,
          locked: {
            shape: 'ff2api-web-2',
            shapeLabel,
            createdAt: info.created_at,
            counts: info.counts,
            secrets: 'encrypted',
          },
        };
      }
      if (!isChunked) {
        const compressed = await decryptSealedData(parameters, context.passphrase, encodeUtf8(aad));
        if (compressed === 'wrong') return refusal('wrong-passphrase', READ_MESSAGES.wrongPassphrase);
        const inner = await state.readInner([compressed]);
        if (inner) return inner;
      }
      continue;
    }
    if (event.kind === 'array-start' && event.key === SEALED_CHUNKS_SECTION) {
      if (!sealed || !sealed.isChunked || Array.isArray(sealed.parameters) || context.passphrase === undefined) {
        state.problems.add(
          SEALED_CHUNKS_SECTION,
          undefined,
          undefined,
          'is present without the encryption parameters before it',
        );
        return refusalWithProblems(state.problems);
      }
      const key = await deriveKey(context.passphrase, sealed.parameters.salt, sealed.parameters.iterations);
      const opener = new ChunkOpener(key, sealed.parameters.iv);
      const plain = openChunks(events, opener, encodeUtf8(aad));
      const inner = await state.readInner(plain.chunks);
      if (plain.failure) return plain.failure;
      if (inner) return inner;
      continue;
    }
    const failure = state.handle(event);
    if (failure) return failure;
  }
  if (info.secrets === 'encrypted' && !sealed && state.problems.count === 0)
    state.problems.add(ENCRYPTED_SECTION, undefined, undefined, 'is missing');
  return state.finish(shapeLabel);
}

/** The sealed chunks, opened one behind (the last one is known only at the end of the list). */
function openChunks(events: AsyncIterator<ScanEvent>, opener: ChunkOpener, header: Bytes) {
  const result: { chunks: AsyncGenerator<Uint8Array>; failure: { ok: false; error: AppError } | null } = {
    chunks: null as never,
    failure: null,
  };
  result.chunks = (async function* () {
    let held: Bytes | null = null;
    for (;;) {
      const next = await events.next();
      if (next.done) throw new Error('sealed_chunks did not end');
      const event = next.value;
      if (event.kind === 'array-end') break;
      if (event.kind !== 'elements') continue;
      for (const item of event.items) {
        const sealed = decodeExact(elementValue(item), null);
        if (!(sealed instanceof Uint8Array)) {
          result.failure = refusal(
            'wrong-passphrase',
            READ_MESSAGES.wrongPassphrase,
            `sealed chunk ${item.index} is not base64`,
          );
          return;
        }
        if (held) {
          const plain = await opener.open(held, false, header);
          if (plain === 'wrong') {
            result.failure = refusal('wrong-passphrase', READ_MESSAGES.wrongPassphrase);
            return;
          }
          yield plain;
        }
        held = sealed;
      }
    }
    const last = held ? await opener.open(held, true, header) : 'wrong';
    if (last === 'wrong') {
      result.failure = refusal('wrong-passphrase', READ_MESSAGES.wrongPassphrase);
      return;
    }
    yield last;
  })();
  return result;
}

/** A value's JSON; text that is not JSON makes the whole file "not JSON" (the loader says where). */
function parseOrProblem(bytes: Uint8Array, _section: string, _row: number | undefined, _problems: ProblemLog): unknown {
  return parseJsonValue(bytes);
}
