import type { DataTable } from '../db/schema';

/**
 * A drill: the monthly test restore and the quarterly drill of the backup procedures, as one
 * procedure — a recent backup picked at random (from the backup folder, the team store or the
 * snapshots), restored apart from the live data, compared with it, timed against the
 * recovery-time target, and recorded with what went wrong.
 */

/** Where a backup for a drill comes from. */
export type DrillOrigin = 'folder' | 'snapshot' | 'store';

/** A backup a drill may pick. */
export interface DrillCandidate {
  origin: DrillOrigin;
  /** The source's own handle for it (a path in the folder, a snapshot id, an object name). */
  id: string;
  /** How people know it: the file name, or "snapshot of Nov 22, 2026, 5:00 PM (End of day)". */
  name: string;
  /** When it was made (ISO UTC). */
  at: string;
}

/** One table compared: rows in the backup and now, and what differs. */
export interface TableComparison {
  table: DataTable;
  inBackup: number;
  now: number;
  /** Rows here now that the backup lacks: made after it (explained), or older (not explained). */
  addedSince: number;
  addedUnexplained: number;
  /** Rows in the backup that are gone now (explained only if the data changed after the backup). */
  removedSince: number;
  removedUnexplained: number;
  /** Rows in both that differ (explained if changed after the backup). */
  changedSince: number;
  changedUnexplained: number;
}

/** What a drill found. */
export interface DrillOutcome {
  candidate: DrillCandidate;
  /** `passed`; `damaged`: the backup did not restore; `failed`: it restored, but too slowly or unlike the data. */
  outcome: 'passed' | 'damaged' | 'failed';
  /** Time to read, check and build the backup apart: the time a restore would take. */
  durationMs: number;
  targetMinutes: number;
  /** Per table (empty when the backup did not restore). */
  tables: TableComparison[];
  /** What went wrong, and what differs and why, in words (the first line is the verdict's reason). */
  notes: string[];
}

/** A drill as the list of past drills shows it (read back from the audit trail). */
export interface DrillRecord {
  id: number;
  at: string;
  who: string | null;
  origin: DrillOrigin;
  name: string;
  outcome: DrillOutcome['outcome'];
  durationMs: number | null;
  targetMinutes: number | null;
  notes: string[];
}
