import { sha256 } from '@noble/hashes/sha2.js';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import { encodeUtf8, type Bytes } from '../format/encoding';

const encoder = new TextEncoder();

/**
 * SHA-256 of the canonical text, fed one row at a time, so that neither the writer nor the
 * restore ever holds the text as one string: `{"brokerages":[row,row],"brokerage_configurations":
 * […],…}` with the five sections always present, in DATA_TABLES order. Rows are encoded in ≈ 1 MB
 * batches. Up to 128 MB the bytes are kept and hashed at the end by WebCrypto (≈ 5× faster than
 * JavaScript); past that, WebCrypto cannot hash a stream, so the kept bytes and the rest go
 * through @noble/hashes' incremental SHA-256 (audited, ≈ 3 kB). Both give the same digest (a test
 * checks it).
 */

const BATCH_CHARS = 1 << 20;
const KEEP_FOR_WEBCRYPTO_BYTES = 128 * 1024 * 1024;

/** Hashes the canonical text of the data sections as their rows arrive, in order. */
export class CanonicalHasher {
  private pending: string[] = [];
  private pendingChars = 0;
  /** The encoded text kept for WebCrypto: one growing buffer, written with encodeInto (≈ 3× faster than encode). */
  private kept: Bytes = new Uint8Array(1 << 20);
  private keptBytes = 0;
  private isIncremental = false;
  private section = -1;
  private isFirstRow = true;

  private constructor(
    private readonly incremental: ReturnType<typeof sha256.create>,
    private readonly keepLimit: number,
  ) {}

  /** A hasher ready for the first section; `keepLimit` is for tests of the incremental path. */
  static async create(keepLimit = KEEP_FOR_WEBCRYPTO_BYTES): Promise<CanonicalHasher> {
    // One hasher each: a backup and a restore may be under way at once.
    return new CanonicalHasher(sha256.create(), keepLimit);
  }

  /** Starts the next section (they must come in DATA_TABLES order). */
  startSection(table: DataTable): void {
    this.section++;
    if (DATA_TABLES[this.section] !== table) throw new Error(`Section ${table} out of order`);
    this.push(`${this.section === 0 ? '{' : '],'}${JSON.stringify(table)}:[`);
    this.isFirstRow = true;
  }

  /** Adds one row's canonical text. */
  addRow(rowText: string): void {
    this.push(this.isFirstRow ? rowText : `,${rowText}`);
    this.isFirstRow = false;
  }

  /** Closes the last section and returns the hex digest. */
  async finish(): Promise<string> {
    if (this.section !== DATA_TABLES.length - 1) throw new Error('Not every section was hashed');
    this.push(']}');
    this.flush();
    if (this.isIncremental) return toHex(this.incremental.digest());
    return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', this.kept.subarray(0, this.keptBytes))));
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BATCH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (this.isIncremental) {
      this.incremental.update(encodeUtf8(text));
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const needed = this.keptBytes + text.length * 3;
    if (needed > this.kept.length) {
      const grown = new Uint8Array(Math.max(needed, this.kept.length * 2));
      grown.set(this.kept.subarray(0, this.keptBytes));
      this.kept = grown;
    }
    this.keptBytes += encoder.encodeInto(text, this.kept.subarray(this.keptBytes)).written;
    if (this.keptBytes > this.keepLimit) {
      this.incremental.update(this.kept.subarray(0, this.keptBytes));
      this.kept = new Uint8Array(0);
      this.keptBytes = 0;
      this.isIncremental = true;
    }
  }
}

function toHex(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
