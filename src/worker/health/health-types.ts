import type { BackupFileRecord } from '../../core/snapshots/health';
import type { DatabaseTimes } from '../../core/db/meta';
import type { ScratchRestoreReport } from '../file-checks/scratch-check';
import type { FolderHealthFacts } from '../folder/folder-records';
import type { SnapshotHealthFacts } from '../snapshots/snapshot-health-facts';
import type { StoreHealthFacts } from '../team-store/team-store-types';
import type { RestoreTiming } from './restore-timing';

/** What `Verify a backup file` found: the scratch restore's report, for which file, and when. */
export interface FileVerification extends ScratchRestoreReport {
  fileName: string;
  verifiedAt: string;
}

/** Everything the worker knows for the health panel and the eviction check. */
export interface BackupOverview extends SnapshotHealthFacts, FolderHealthFacts {
  hasData: boolean;
  times: DatabaseTimes;
  firstChangeSinceBackupAt: string | null;
  backupFiles: BackupFileRecord[];
  lastFileVerification: { at: string; ok: boolean; fileName: string } | null;
  lastRestoreMeasure: RestoreTiming | null;
  storage: { usageBytes: number; quotaBytes: number } | null;
  /** This tab's worker found no stored database when it started (evicted, cleared, or a first visit). */
  startedEmpty: boolean;
  /** The team store's side of health; null when none is connected. */
  store: StoreHealthFacts | null;
}
