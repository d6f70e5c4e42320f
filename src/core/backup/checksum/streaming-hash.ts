import { sha256 } from '@noble/hashes/sha2.js';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { Bytes } from '../format/encoding';
import { DigestUnavailableError, type DigestOffload } from './digest-offload';

const encoder = new TextEncoder();

/**
 * SHA-256 of the canonical text, fed one row at a time, so that neither the writer nor the
 * restore ever holds the text as one string: `{"brokerages":[row,row],"brokerage_configurations":
 * […],…}` with the five sections always present, in DATA_TABLES order. A row comes as text
 * (encoded here with encodeInto, straight into the buffer) or as UTF-8 bytes already encoded
 * (the writer's file line, the restore's row as read), which are copied. Up to 128 MB the bytes
 * are kept, in 4 MB pieces joined once at the end, and hashed then by WebCrypto (≈ 5× faster than
 * JavaScript); past that, WebCrypto
 * cannot hash a stream, so the kept bytes and the rest go through @noble/hashes' incremental
 * SHA-256 (audited, ≈ 3 kB) in 1 MB batches. Both give the same digest (a test checks it).
 * Given a DigestOffload (digest-offload.ts), the text goes to it in 1 MB pieces instead, each
 * handed over as it fills, and nothing is kept here.
 */

const BATCH_BYTES = 1 << 20;
const PIECE_BYTES = 4 << 20;
const KEEP_FOR_WEBCRYPTO_BYTES = 128 * 1024 * 1024;
const COMMA = 0x2c;

/** Hashes the canonical text of the data sections as their rows arrive, in order. */
export class CanonicalHasher {
  /** Full pieces of encoded text kept for WebCrypto. */
  private readonly pieces: Uint8Array[] = [];
  private piecesBytes = 0;
  private keptBytes = 0;
  private isIncremental = false;
  private section = -1;
  private isFirstRow = true;

  private constructor(
    private readonly incremental: ReturnType<typeof sha256.create>,
    private readonly keepLimit: number,
    private readonly offload: DigestOffload | null,
    /** The piece being filled: the encoded text not hashed yet. */
    private kept: Bytes,
  ) {}

  /** A hasher ready for the first section; `keepLimit` is for tests of the incremental path. */
  static async create(keepLimit = KEEP_FOR_WEBCRYPTO_BYTES): Promise<CanonicalHasher> {
    return CanonicalHasher.start(keepLimit);
  }

  /**
   * The same, for callers that cannot wait. `expectedBytes`: about how long the text will be; when
   * it is known (a restore knows its file's size), the first piece is made that large, so text
   * that fits is hashed where it was written, without joining pieces at the end.
   */
  static start(
    keepLimit = KEEP_FOR_WEBCRYPTO_BYTES,
    expectedBytes = 0,
    offload: DigestOffload | null = null,
  ): CanonicalHasher {
    // One hasher each: a backup and a restore may be under way at once.
    const first = offload ? BATCH_BYTES : Math.max(PIECE_BYTES, Math.min(keepLimit, Math.floor(expectedBytes)));
    return new CanonicalHasher(sha256.create(), keepLimit, offload, new Uint8Array(first));
  }

  /** Drops the work (the text will not be finished); only an offloaded digest holds anything. */
  cancel(): void {
    this.offload?.cancel();
  }

  /** Starts the next section (they must come in DATA_TABLES order). */
  startSection(table: DataTable): void {
    this.section++;
    if (DATA_TABLES[this.section] !== table) throw new Error(`Section ${table} out of order`);
    this.addText(`${this.section === 0 ? '{' : '],'}${JSON.stringify(table)}:[`);
    this.isFirstRow = true;
  }

  /** Adds one row's canonical text. */
  addRow(rowText: string): void {
    this.separateRow();
    this.addText(rowText);
  }

  /** Adds one row's canonical text as UTF-8 bytes (read only during the call). */
  addRowBytes(rowBytes: Uint8Array): void {
    this.separateRow();
    this.room(rowBytes.byteLength);
    this.kept.set(rowBytes, this.keptBytes);
    this.keptBytes += rowBytes.byteLength;
    this.settle();
  }

  /** Closes the last section and returns the hex digest. */
  async finish(): Promise<string> {
    if (this.section !== DATA_TABLES.length - 1) throw new Error('Not every section was hashed');
    this.addText(']}');
    if (this.offload) {
      this.offload.update(this.kept.subarray(0, this.keptBytes));
      try {
        return toHex(await this.offload.digest());
      } catch (error) {
        throw new DigestUnavailableError(error);
      }
    }
    if (this.isIncremental) {
      this.incremental.update(this.kept.subarray(0, this.keptBytes));
      return toHex(this.incremental.digest());
    }
    if (this.pieces.length === 0) return digestHex(this.kept.subarray(0, this.keptBytes));
    const whole = new Uint8Array(this.piecesBytes + this.keptBytes);
    let offset = 0;
    for (const piece of [...this.pieces, this.kept.subarray(0, this.keptBytes)]) {
      whole.set(piece, offset);
      offset += piece.byteLength;
    }
    return digestHex(whole);
  }

  private separateRow(): void {
    if (!this.isFirstRow) {
      this.room(1);
      this.kept[this.keptBytes++] = COMMA;
    }
    this.isFirstRow = false;
  }

  private addText(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.room(text.length * 3);
    this.keptBytes += encoder.encodeInto(text, this.kept.subarray(this.keptBytes)).written;
    this.settle();
  }

  /** Makes room for `bytes` more in the current piece: a new piece (kept, or hashed) when it is full. */
  private room(bytes: number): void {
    if (this.keptBytes + bytes <= this.kept.length) return;
    if (this.offload) {
      if (this.keptBytes > 0) this.offload.update(this.kept.subarray(0, this.keptBytes));
      this.kept = new Uint8Array(Math.max(BATCH_BYTES, bytes));
      this.keptBytes = 0;
      return;
    }
    if (this.isIncremental) this.incremental.update(this.kept.subarray(0, this.keptBytes));
    else {
      this.pieces.push(this.kept.subarray(0, this.keptBytes));
      this.piecesBytes += this.keptBytes;
    }
    this.kept = new Uint8Array(Math.max(PIECE_BYTES, bytes));
    this.keptBytes = 0;
  }

  /** Past the WebCrypto limit, hands what is kept to the incremental hash, from then on a batch at a time. */
  private settle(): void {
    if (this.offload) return;
    if (this.isIncremental) {
      if (this.keptBytes >= BATCH_BYTES) {
        this.incremental.update(this.kept.subarray(0, this.keptBytes));
        this.keptBytes = 0;
      }
      return;
    }
    if (this.piecesBytes + this.keptBytes <= this.keepLimit) return;
    for (const piece of this.pieces) this.incremental.update(piece);
    this.pieces.length = 0;
    this.piecesBytes = 0;
    this.incremental.update(this.kept.subarray(0, this.keptBytes));
    this.keptBytes = 0;
    this.isIncremental = true;
  }
}

async function digestHex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

function toHex(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
