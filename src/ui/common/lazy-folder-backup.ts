import { lazyModule } from '../../platform/lazy-import';
import type { BackupFile } from '../../worker/backup-files/backup-file-types';
import type { DatabaseApi } from '../../worker/api';
import type { FolderWrite } from './folder-backup';

/**
 * The backup folder's writes and reads (./folder-backup.ts and the folder retention), loaded the
 * first time a backup goes into the folder or is read from it: opening the app only needs to
 * know whether a folder is connected. A failed load is a failed write or read, in plain words.
 */
const loadFolderBackup = lazyModule(() => import('./folder-backup'));

/** `saveBackupToFolder` of ./folder-backup.ts, loaded on first use. */
export async function saveBackupToFolder(
  api: DatabaseApi,
  root: FileSystemDirectoryHandle,
  file: BackupFile,
  options: { passphrase?: string; now: Date },
): Promise<FolderWrite> {
  const loaded = await loadFolderBackup();
  if (!loaded.ok)
    return {
      ok: false,
      message: loaded.error.message,
      ...(loaded.error.detail ? { detail: loaded.error.detail } : {}),
    };
  return loaded.value.saveBackupToFolder(api, root, file, options);
}

/** `readLatestBackup` of ./folder-backup.ts, loaded on first use. */
export async function readLatestBackup(
  root: FileSystemDirectoryHandle,
): Promise<{ ok: true; path: string; file: File } | { ok: false; message: string }> {
  const loaded = await loadFolderBackup();
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  return loaded.value.readLatestBackup(root);
}
