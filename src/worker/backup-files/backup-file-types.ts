import type { SecretsMode } from '../../core/backup/format/format';
import type { DataTable } from '../../core/db/schema';

/** What the page and the worker say of backup files: a request, the file made, its receipt. */

export type BackupTrigger = 'manual' | 'emergency';

export interface BackupRequest {
  trigger: BackupTrigger;
  secrets: SecretsMode;
  passphrase?: string;
}

export interface BackupFile {
  fileName: string;
  /** The file, made in the worker: a Blob reaches the page by reference, never copied there. */
  blob: Blob;
  /** Everything confirmBackupSaved needs to log the backup. */
  receipt: BackupReceipt;
}

export interface BackupReceipt {
  fileName: string;
  createdAt: string;
  trigger: BackupTrigger;
  counts: Record<DataTable, number>;
  checksum: string;
  secrets: SecretsMode;
  sizeBytes: number;
}

/** A backup file the page hands over: its name and its contents (a File/Blob, or bytes already read). */
export interface BackupSource {
  name: string;
  contents: Blob | Uint8Array;
}
