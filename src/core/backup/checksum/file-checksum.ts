import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';

/**
 * The file checksum (format 2.2, `backup_info.file_checksum`): what the content checksum leaves
 * out — the clear header (when the file was made, its trigger, counts, …) and the activity log —
 * so that an edited date or audit entry is refused like an edited row. It covers `backup_info`
 * whole, whose `checksum` covers the rows, so it certifies the whole file. Precisely
 * (docs/backup-format.md §2), the SHA-256 in lowercase hex of the UTF-8 of
 *
 *   {"backup_info":B,"activity_log":[E,E,…]}
 *
 * where B is `backup_info` without its `file_checksum` key, as canonical JSON (keys sorted at
 * every level, no spaces: canonical-json.ts), and each E is
 * `JSON.stringify({at, kind, summary, details})` of one activity entry as read, in file order.
 * The reader hashes the entries it parsed, never the file's bytes, so layout never matters.
 */

/** The key of the file checksum in `backup_info`. */
export const FILE_CHECKSUM_KEY = 'file_checksum';

/** The parts of an activity entry the file checksum covers (and the reader keeps). */
export interface CertifiedEntry {
  at: string;
  kind: string;
  summary: string;
  details: string | null;
}

const encoder = new TextEncoder();

/** Hashes a header and then its file's activity entries, one at a time. */
export class FileChecksum {
  private readonly hash = sha256.create();
  private entries = 0;

  private constructor(headerText: string) {
    this.hash.update(encoder.encode(`{"backup_info":${headerText},"activity_log":[`));
  }

  /** Starts with `info` (`backup_info` as read or written); null when it is nested too deeply to canonicalise. */
  static start(info: Record<string, unknown>): FileChecksum | null {
    const header: Record<string, unknown> = {};
    for (const key of Object.keys(info)) {
      if (key !== FILE_CHECKSUM_KEY) Object.defineProperty(header, key, { value: info[key], enumerable: true });
    }
    const text = canonicalJson(header);
    return text === null ? null : new FileChecksum(text);
  }

  /** Adds the next activity entry. */
  addEntry(entry: CertifiedEntry): void {
    const text = JSON.stringify({ at: entry.at, kind: entry.kind, summary: entry.summary, details: entry.details });
    this.hash.update(encoder.encode(this.entries++ === 0 ? text : `,${text}`));
  }

  /** The hex digest (call once, after the last entry). */
  finish(): string {
    this.hash.update(encoder.encode(']}'));
    return bytesToHex(this.hash.digest());
  }
}
