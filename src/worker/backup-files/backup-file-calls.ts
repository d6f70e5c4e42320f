import { lazyInstance, lazyModule, type LazyInstance } from '../../platform/lazy-import';
import type { FeatureCalls } from '../feature-calls';
import type { BackupReceipt, BackupRequest } from './backup-file-types';
import type { BackupFileDeps, BackupFileWriter } from './backup-file-writer';

/** Backup files of the live database; the writer (the backup engine) is a chunk loaded on first use. */
export function openBackupFiles(deps: BackupFileDeps): LazyInstance<BackupFileWriter> {
  return lazyInstance(
    lazyModule(() => import('./backup-file-writer')),
    (m) => new m.BackupFileWriter(deps),
  );
}

/** Making a backup file, and recording the backup point once the page handed it to the browser. */
export const backupFileCalls = {
  reads: {},
  actions: {
    /** Builds a backup file; the caller hands it to the browser, then calls `confirmBackupSaved`. */
    createBackup: (files: LazyInstance<BackupFileWriter>, request: BackupRequest) =>
      files.use((writer) => writer.createBackup(request)),
    /** Records the backup point at the moment the file was handed to the browser. */
    confirmBackupSaved: (files: LazyInstance<BackupFileWriter>, receipt: BackupReceipt) =>
      files.use((writer) => writer.confirmBackupSaved(receipt)),
  },
} satisfies FeatureCalls<LazyInstance<BackupFileWriter>>;
