/**
 * A backup's data part as UTF-8, written into one reused ≈ 4 MB buffer with encodeInto and handed
 * to the sink batch by batch. Each row is encoded once: the bytes of its line are also what the
 * checksum hashes (a row's line is its canonical text), so no text is joined or encoded twice.
 *
 * Rows are encoded a batch at a time: their lines joined into one text and encoded with one
 * encodeInto (a call per row cost more than the encoding of a few hundred characters). When the
 * batch is ASCII, a row's bytes are where its characters are; otherwise the batch is encoded
 * again row by row, over the same bytes, to find each row's.
 */

const PART_BYTES = 4 * 1024 * 1024;
/** Rows are encoded together until their text is about this long. */
const BATCH_CHARS = 64 * 1024;
const encoder = new TextEncoder();

/** Where the encoded bytes go (valid only during the call: copied if kept). */
export interface ByteSink {
  take(bytes: Uint8Array): void;
}

export class LineEncoder {
  private buffer = new Uint8Array(PART_BYTES);
  private filled = 0;
  /** Rows not encoded yet, and whether the first of them opens its section. */
  private readonly rows: string[] = [];
  private rowsChars = 0;
  private opensSection = false;

  /** `onRow` hears each row's own bytes, in order (valid only during the call). */
  constructor(
    private readonly sink: ByteSink,
    private readonly onRow: (rowBytes: Uint8Array) => void,
  ) {}

  /** Writes text that is not a row (brackets, keys, separators). */
  text(text: string): void {
    this.encodeRows();
    this.encode(text);
  }

  /** Writes a row's line: a line of its own, after a comma unless it opens its section. */
  row(rowText: string, opensSection: boolean): void {
    if (this.rows.length === 0) this.opensSection = opensSection;
    else if (opensSection) {
      this.encodeRows();
      this.opensSection = true;
    }
    this.rows.push(rowText);
    this.rowsChars += rowText.length + 2;
    if (this.rowsChars >= BATCH_CHARS) this.encodeRows();
  }

  /** Hands what is buffered to the sink. */
  flush(): void {
    this.encodeRows();
    if (this.filled > 0) this.sink.take(this.buffer.subarray(0, this.filled));
    this.filled = 0;
  }

  private encodeRows(): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    const lead = this.opensSection ? '\n' : ',\n';
    const joined = lead + rows.join(',\n');
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.room(joined.length * 3);
    const start = this.filled;
    const written = encoder.encodeInto(joined, this.buffer.subarray(start)).written;
    if (written === joined.length) {
      let at = start + lead.length;
      for (const row of rows) {
        this.onRow(this.buffer.subarray(at, at + row.length));
        at += row.length + 2;
      }
      this.filled = start + written;
    } else {
      let isFirst = this.opensSection;
      for (const row of rows) {
        this.encode(isFirst ? '\n' : ',\n');
        const rowStart = this.filled;
        this.filled += encoder.encodeInto(row, this.buffer.subarray(rowStart)).written;
        this.onRow(this.buffer.subarray(rowStart, this.filled));
        isFirst = false;
      }
    }
    rows.length = 0;
    this.rowsChars = 0;
  }

  private encode(text: string): void {
    this.room(text.length * 3);
    this.filled += encoder.encodeInto(text, this.buffer.subarray(this.filled)).written;
  }

  private room(bytes: number): void {
    if (this.filled + bytes <= this.buffer.length) return;
    if (this.filled > 0) this.sink.take(this.buffer.subarray(0, this.filled));
    this.filled = 0;
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
  }
}
