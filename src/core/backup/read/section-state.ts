import { DATA_TABLES, type DataTable } from '../../db/schema';
import { FileChecksum } from '../checksum/file-checksum';
import { ACTIVITY_SECTION } from '../format/format';
import { maxInflatedBytes } from '../format/limits';
import { gunzipChunks, InflateLimitError, limitBytes } from '../scan/gunzip';
import { elementValue, scanTopLevel, type ScanEvent } from '../scan/json-scanner';
import { readActivityEntry } from './activity-entries';
import { RowReader } from './columns';
import type { BackupInfo } from './info';
import { GUARANTEES } from './guarantees';
import { inflateRefusal, READ_MESSAGES, refusal, refusalWithProblems } from './messages';
import type { FileFacts, LockedBackup, RowSink, SourceLine } from './parsed';
import { ProblemLog, WarningTally } from './problems';
import { REPAIRS } from './repairs';
import type { AppError } from '../../result';

/** What has been read of our own file's sections so far (used by read-ours.ts). */

/** What reading our own file's sections gives: its facts, a locked file's counts, or a refusal. */
export type OursResult =
  { ok: true; facts: FileFacts } | { ok: true; locked: LockedBackup } | { ok: false; error: AppError };

const DATA = new Set<string>(DATA_TABLES);

type Refusal = { ok: false; error: AppError };

/** What has been read so far: rows per section, problems, warnings. */
export class SectionState {
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
