import { DATA_TABLES, type DataTable } from '../db/schema';
import type { SnapshotManifest } from './manifest';

/**
 * The verdict on a stored snapshot (docs/design.md: "decompress, open in a scratch database,
 * integrity_check, foreign_key_check, counts and checksum equal to the manifest"). What was
 * measured comes from the checker, which works on the stored copy only; this module only judges.
 */

/** What the checker measured on a stored copy (null fields: it could not get that far). */
export interface SnapshotCheckReport {
  /** Why the copy could not be decompressed or opened at all, if so. */
  unreadable: string | null;
  databaseSha256: string | null;
  /** `PRAGMA integrity_check` rows: exactly ['ok'] when sound. */
  integrity: string[];
  foreignKeyViolations: number;
  counts: Record<DataTable, number> | null;
  /** The content checksum (as in backup files) of the copy's rows; null when not computed. */
  checksum: string | null;
}

export type SnapshotVerdict = { ok: true; checksum: string | null } | { ok: false; problem: string };

const PROBLEMS = {
  unreadable: (why: string) => `The stored copy could not be opened (${why}).`,
  changedBytes: 'The stored copy differs from the database that was saved: it was damaged in storage.',
  integrity: (first: string) => `SQLite found the copy damaged (integrity check: ${first}).`,
  foreignKeys: (n: number) => `The copy has ${n} broken links between tables.`,
  counts: (table: string, want: number, got: number) =>
    `The copy holds ${got} rows of ${table}, the manifest says ${want}.`,
  checksum: 'The rows in the copy do not match the checksum recorded when it was first verified.',
} as const;

/** Judges a check report against the manifest. The first problem found is the one reported. */
export function judgeSnapshotCheck(
  manifest: Pick<SnapshotManifest, 'databaseSha256' | 'counts' | 'checksum'>,
  report: SnapshotCheckReport,
): SnapshotVerdict {
  if (report.unreadable !== null) return { ok: false, problem: PROBLEMS.unreadable(report.unreadable) };
  if (report.databaseSha256 !== manifest.databaseSha256) return { ok: false, problem: PROBLEMS.changedBytes };
  if (report.integrity.length !== 1 || report.integrity[0] !== 'ok')
    return { ok: false, problem: PROBLEMS.integrity(report.integrity[0] ?? 'no answer') };
  if (report.foreignKeyViolations > 0) return { ok: false, problem: PROBLEMS.foreignKeys(report.foreignKeyViolations) };
  if (report.counts === null) return { ok: false, problem: PROBLEMS.unreadable('its tables could not be counted') };
  for (const table of DATA_TABLES) {
    if (report.counts[table] !== manifest.counts[table])
      return { ok: false, problem: PROBLEMS.counts(table, manifest.counts[table], report.counts[table]) };
  }
  // The manifest's checksum was computed from the exported database; equal digests above mean the
  // copy holds exactly those rows. A full re-check recomputes it from the copy and must agree.
  if (manifest.checksum !== null && report.checksum !== null && report.checksum !== manifest.checksum)
    return { ok: false, problem: PROBLEMS.checksum };
  return { ok: true, checksum: manifest.checksum ?? report.checksum };
}
