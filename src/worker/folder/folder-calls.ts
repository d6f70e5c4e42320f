import type { BackupSource } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import type { FolderRecords } from './folder-records';
import type { FolderWriteOutcome } from './folder-types';

/** The backup folder's records: a written file read back, and the write recorded. */
export const folderCalls = {
  reads: {},
  actions: {
    /** Reads back a file just written into the backup folder and checks it carries `checksum`. */
    checkWrittenFile: (
      records: FolderRecords,
      file: BackupSource,
      checksum: string,
      options?: { passphrase?: string },
    ) => records.checkWrittenFile(file, checksum, options),
    /**
     * Records a write into the backup folder: a checked file becomes the backup point; a failure is kept for health.
     */
    recordFolderWrite: (records: FolderRecords, outcome: FolderWriteOutcome) => records.recordFolderWrite(outcome),
  },
} satisfies FeatureCalls<FolderRecords>;
