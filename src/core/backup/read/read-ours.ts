import { DATA_TABLES, type DataTable } from '../../db/schema';
import { canonicalJson } from '../checksum/canonical-json';
import { FileChecksum } from '../checksum/file-checksum';
import { encodeUtf8, type Bytes } from '../format/encoding';
import { ACTIVITY_SECTION, ENCRYPTED_SECTION, SEALED_CHUNKS_SECTION } from '../format/format';
import { maxInflatedBytes } from '../format/limits';
import { isPlainObject } from '../format/values';
import { gunzipChunks, InflateLimitError, limitBytes } from '../scan/gunzip';
import { elementValue, parseJsonValue, scanTopLevel, type ScanEvent } from '../scan/json-scanner';
import { checkSealParameters, decodeExact, decryptSealedData, deriveKey } from '../seal/seal';
import { ChunkOpener } from '../seal/stream-seal';
import { readActivityEntry } from './activity-entries';
import { RowReader } from './columns';
import type { BackupInfo } from './info';
import { GUARANTEES } from './guarantees';
import { inflateRefusal, READ_MESSAGES, refusal, refusalWithProblems } from './messages';
import type { FileFacts, LockedBackup, ReadContext, RowSink, SourceLine } from './parsed';
import { ProblemLog, WarningTally } from './problems';
import { REPAIRS } from './repairs';
import type { AppError } from '../../result';

/**
 * Reads the sections of our own files, format 2.x, as they stream past: each row is parsed,
 * checked and handed to the sink at once, so no step holds the file or its rows. Encrypted data
 * is opened on the way — 2.0's one sealed part whole, 2.1's sealed chunks one by one — and read
 * the same. Nothing is repaired: a file we wrote needs no repair, so anything odd means it was
 * damaged or edited. The counts are compared here; ids, names and links by the sink's database;
 * the checksum by reading that database back (load/).
 */

export type OursResult =
  { ok: true; facts: FileFacts } | { ok: true; locked: LockedBackup } | { ok: false; error: AppError };

const DATA = new Set<string>(DATA_TABLES);

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

type Refusal = { ok: false; error: AppError };

/** What has been read so far: rows per section, problems, warnings. */
class SectionState {
  readonly problems = new ProblemLog();
  private readonly warnings = new WarningTally();
  private readonly rows: RowReader;
  private readonly counts = new Map<string, number>();
  private countMismatches = 0;
  /** Hashes the header and the activity entries as read, when the file has a file checksum. */
  private readonly fileChecksum: FileChecksum | null;

  constructor(
    private readonly info: BackupInfo,
    rawInfo: Record<string, unknown>,
    private readonly sink: RowSink,
    /** The file's size: its sealed data may inflate to maxInflatedBytes of it. */
    private readonly fileBytes: number,
  ) {
    this.rows = new RowReader(this.problems);
    this.fileChecksum = info.file_checksum ? FileChecksum.start(rawInfo) : null;
  }

  /** One top-level event; a refusal only when reading cannot go on. */
  handle(event: ScanEvent, isInner = false): { ok: false; error: AppError } | null {
    const key = event.key;
    if (event.kind === 'value') {
      if (key === 'backup_info' || DATA.has(key) || key === ACTIVITY_SECTION) {
        this.problems.add(
          key,
          undefined,
          undefined,
          DATA.has(key) ? 'should be a list of rows' : 'appears more than once',
        );
      }
      return null;
    }
    const isData = DATA.has(key);
    if (!isData && key !== ACTIVITY_SECTION) return null; // unknown sections are not read
    if (isData && this.info.secrets === 'encrypted' && !isInner) {
      this.problems.add(key, undefined, undefined, 'is in clear text, but backup_info.secrets says "encrypted"');
      return null;
    }
    if (event.kind === 'array-start') {
      if (this.counts.has(key)) this.problems.add(key, undefined, undefined, 'appears more than once in the file');
      this.counts.set(key, 0);
      return null;
    }
    if (event.kind === 'elements') {
      if (key === ACTIVITY_SECTION) {
        for (const item of event.items) {
          const entry = readActivityEntry(elementValue(item));
          if (entry) {
            this.fileChecksum?.addEntry(entry);
            this.sink.addActivity(entry);
          } else if (this.fileChecksum) {
            this.problems.add(key, item.index, undefined, 'is not an activity entry as FF2API Web writes them');
          } else this.warnings.add(REPAIRS.activitySkipped);
        }
        return null;
      }
      for (const item of event.items) {
        const row = this.rows.read(key as DataTable, elementValue(item), item.index);
        // An element read with its line carries that line's text and bytes: it is the SourceLine.
        if (row)
          this.sink.add(key as DataTable, row, item.index, item.text === undefined ? undefined : (item as SourceLine));
      }
      return null;
    }
    if (isData) {
      this.counts.set(key, event.count);
      const stated = this.info.counts[key as DataTable];
      if (event.count !== stated) {
        this.countMismatches++;
        this.problems.add(
          'backup_info',
          undefined,
          `counts.${key}`,
          `says ${stated.toLocaleString('en-US')} rows, but the ${key} section holds ${event.count.toLocaleString('en-US')}`,
        );
      }
    }
    return null;
  }

  /**
   * Reads an encrypted file's data part from its decrypted, still compressed chunks: inflated as
   * it streams, and refused as soon as it passes what the file's size allows.
   */
  async readInner(compressed: AsyncIterable<Uint8Array> | Uint8Array[]): Promise<Refusal | null> {
    const limit = maxInflatedBytes(this.fileBytes);
    const refuse = () => new InflateLimitError(limit, this.fileBytes);
    const text = limitBytes(gunzipChunks(toIterable(compressed)), limit, refuse);
    try {
      for await (const event of scanTopLevel(text)) {
        if (event.kind === 'value' && !DATA.has(event.key) && event.key !== ACTIVITY_SECTION) continue;
        this.handle(event, true);
      }
    } catch (error) {
      if (error instanceof InflateLimitError) return inflateRefusal(error);
      // The chunk reader may have stopped at a wrong chunk: the caller reports that first.
      return refusal(
        'sealed-corrupt',
        READ_MESSAGES.sealedCorrupt,
        error instanceof Error ? error.message : String(error),
      );
    }
    return null;
  }

  finish(shapeLabel: string): OursResult {
    for (const table of DATA_TABLES)
      if (!this.counts.has(table)) this.problems.add(table, undefined, undefined, 'is missing');
    if (this.problems.count > 0) {
      const onlyCounts = this.problems.count === this.countMismatches;
      return onlyCounts
        ? refusalWithProblems(this.problems, 'counts-mismatch', READ_MESSAGES.counts)
        : refusalWithProblems(this.problems);
    }
    if (this.fileChecksum) {
      const digest = this.fileChecksum.finish();
      const stated = this.info.file_checksum?.value;
      const detail = `backup_info.file_checksum ${String(stated)}, header and activity log ${digest}`;
      if (digest !== stated) return refusal('checksum-mismatch', READ_MESSAGES.fileChecksum, detail);
    } else if (this.info.secrets !== 'encrypted') this.warnings.note(GUARANTEES.headerNotCertified);
    const info = this.info;
    return {
      ok: true,
      facts: {
        shape: 'ff2api-web-2',
        shapeLabel,
        createdAt: info.created_at,
        secrets: info.secrets,
        warnings: this.warnings.list(),
        stated: { checksum: info.checksum.value, counts: info.counts },
      },
    };
  }
}

async function* toIterable(chunks: AsyncIterable<Uint8Array> | Uint8Array[]): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield chunk;
}
