import type { BackupSource } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import type { BackupHealth } from './backup-health';

/** Backup health: the facts the panel is worked out from, and verifying a backup file. */
export const healthCalls = {
  reads: {
    /** Everything the worker knows for the health panel and the eviction check. */
    getBackupOverview: (health: BackupHealth) => health.overview(),
  },
  actions: {
    /** `Verify a backup file`: a full check in a scratch database, logged; live data untouched. */
    verifyBackupFile: (health: BackupHealth, file: BackupSource, options?: { passphrase?: string }) =>
      health.verifyBackupFile(file, options),
  },
} satisfies FeatureCalls<BackupHealth>;
