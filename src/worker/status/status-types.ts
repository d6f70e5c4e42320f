import type { DatabaseTimes } from '../../core/db/meta';
import type { DataTable } from '../../core/db/schema';
import type { PersistenceState } from '../engine/live-database';

/** Rows per table. */
export type TableCounts = Record<DataTable, number>;

/** Counts, persisted times, persistence and tab state — everything the sidebar shows. */
export interface DatabaseStatus {
  counts: TableCounts;
  times: DatabaseTimes;
  /** ISO time the status was read (the worker's clock). */
  readAt: string;
  /** True when this tab may write; false when another tab holds the writer lock. */
  isWriter: boolean;
  persistence: PersistenceState;
  /** Whether the browser promised not to evict our storage; null when unknown. */
  storagePersisted: boolean | null;
  /** What `Undo restore` goes back to, if there is a restore to undo. */
  undo: { takenAt: string; label: string } | null;
}
