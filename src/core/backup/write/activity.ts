import type { ActivityRow } from '../../db/rows';
import { FileChecksum, type CertifiedEntry } from '../checksum/file-checksum';
import { toStorableText } from '../format/text-rule';
import { readActivityEntry } from '../read/activity-entries';

/**
 * The activity log of a file being written, and its share of the file checksum: the entries are
 * written exactly as the reader will read them, so the checksum the writer computes is the one
 * the reader computes (docs/backup-format.md §1 activity_log, §2 the file checksum).
 */

/** An activity entry as a file carries it: its id, and what the reader keeps and the file checksum covers. */
export type WrittenEntry = CertifiedEntry & { id: number };

/**
 * The activity entries as the reader will read them: text in its storable form (as for rows), and
 * only entries the reader's own rule accepts — the log is a record, so an entry no file can carry
 * is left out rather than stopping the backup.
 */
export function writableEntries(rows: readonly ActivityRow[]): WrittenEntry[] {
  const entries: WrittenEntry[] = [];
  for (const row of rows) {
    const details = row.details ?? null;
    const entry = readActivityEntry({
      at: row.at,
      kind: toStorableText(row.kind),
      summary: toStorableText(row.summary),
      details: details === null ? null : toStorableText(details),
    });
    if (entry) entries.push({ id: row.id, ...entry });
  }
  return entries;
}

/**
 * The file checksum of a header (without its own file_checksum) and its entries; null when the header cannot be
 * canonicalised.
 */
export function fileChecksumOf(info: Record<string, unknown>, entries: readonly WrittenEntry[]): string | null {
  const hasher = FileChecksum.start(info);
  if (!hasher) return null;
  for (const entry of entries) hasher.addEntry(entry);
  return hasher.finish();
}

/** The activity entries, one per line, keys in the table's column order. */
export function serializeActivity(entries: readonly WrittenEntry[]): string {
  if (entries.length === 0) return '';
  const lines = entries.map(({ id, at, kind, summary, details }) => JSON.stringify({ id, at, kind, summary, details }));
  return `\n${lines.join(',\n')}\n`;
}
