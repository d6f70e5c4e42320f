import type { DataTable } from '../../core/db/schema';
import type { AppError } from '../../core/result';
import type { SnapshotVerification } from '../../core/snapshots/manifest';
import type { KeepReason } from '../../core/snapshots/retention';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';

/** What the page sees of snapshots: the list's rows, the storage they use, the schedule's outcome. */
export interface SnapshotRow {
  id: string;
  takenAt: string;
  trigger: SnapshotTrigger;
  note: string | null;
  counts: Record<DataTable, number>;
  databaseBytes: number;
  storedBytes: number;
  verification: SnapshotVerification;
  /** 'user' until unpinned; 'until' a time (safety copies); null. */
  pin: { kind: 'user' } | { kind: 'until'; until: string } | null;
  keptFor: KeepReason[];
}

export interface SnapshotList {
  snapshots: SnapshotRow[];
  storedBytes: number;
  budgetBytes: number;
  storage: { usageBytes: number; quotaBytes: number } | null;
  persisted: boolean | null;
}

export interface ScheduleOutcome {
  /** The snapshot taken by this tick, if any. */
  took: SnapshotRow | null;
  /** A snapshot that was due but failed (shown as an alert; health turns Critical). */
  failure: AppError | null;
  /** End of day ran now: the page writes the daily file into the folder (or shows the banner). */
  endOfDayRan: boolean;
}
