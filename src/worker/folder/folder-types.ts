import type { BackupReceipt } from '../backup-files/backup-file-types';

/** A write into the backup folder, as the page reports it: the file written and checked, or why not. */
export type FolderWriteOutcome =
  { ok: true; receipt: BackupReceipt; path: string } | { ok: false; path: string; message: string; detail?: string };
