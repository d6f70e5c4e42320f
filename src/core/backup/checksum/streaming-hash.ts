import { createSHA256, type IHasher } from 'hash-wasm';
import { DATA_TABLES, type DataTable } from '../../db/schema';

/**
 * SHA-256 of the canonical text, fed one row at a time, so that neither the writer nor the
 * restore ever holds the whole text: `{"brokerages":[row,row],"brokerage_configurations":[…],…}`
 * with the five sections always present, in DATA_TABLES order. WebCrypto cannot hash a stream,
 * so this uses hash-wasm's SHA-256 (≈ 330 MB/s), with rows batched into ≈ 1 MB pieces.
 */

const BATCH_CHARS = 1 << 20;

/** Hashes the canonical text of the data sections as their rows arrive, in order. */
export class CanonicalHasher {
  private pending: string[] = [];
  private pendingChars = 0;
  private section = -1;
  private isFirstRow = true;

  private constructor(private readonly hasher: IHasher) {}

  /** A hasher ready for the first section. */
  static async create(): Promise<CanonicalHasher> {
    // One hasher each: a backup and a restore may be under way at once (hash-wasm caches the module).
    const hasher = await createSHA256();
    hasher.init();
    return new CanonicalHasher(hasher);
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
  finish(): string {
    if (this.section !== DATA_TABLES.length - 1) throw new Error('Not every section was hashed');
    this.push(']}');
    this.flush();
    return this.hasher.digest('hex');
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BATCH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hasher.update(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}
