import { newestBackupInFolder, planFolderRetention, type FolderListing } from '../../core/snapshots/folder-retention';
import { listFiles, readFile, removeFile, subfolder, writeFile, type FolderResult } from '../../platform/backup-folder';
import type { BackupFile } from '../../worker/backup-files/backup-file-types';
import type { DatabaseApi } from '../../worker/api';
import { plural } from './format';

/**
 * Writing a backup into the backup folder the safe way: into `daily/` or `emergency/`, read
 * back and checked by the worker before it counts as the backup point; then the folder retention
 * (archive copies first, checked; then only exact names past their age). A failure is recorded
 * for the health panel and nothing already in the folder is touched.
 */
export type FolderWrite =
  { ok: true; path: string; retention: string | null } | { ok: false; message: string; detail?: string };

/** Writes, checks and records one backup file; applies retention after a checked write. */
export async function saveBackupToFolder(
  api: DatabaseApi,
  root: FileSystemDirectoryHandle,
  file: BackupFile,
  options: { passphrase?: string; now: Date },
): Promise<FolderWrite> {
  const dirName = file.receipt.trigger === 'emergency' ? 'emergency' : 'daily';
  const path = `${dirName}/${file.fileName}`;
  const failed = async (message: string, detail?: string): Promise<FolderWrite> => {
    await api.recordFolderWrite({ ok: false, path, message, ...(detail ? { detail } : {}) });
    return { ok: false, message, ...(detail ? { detail } : {}) };
  };
  const dir = await subfolder(root, dirName);
  if (!dir.ok) return failed(dir.failure.message, dir.failure.detail);
  const written = await writeFile(dir.value, file.fileName, file.blob);
  if (!written.ok) return failed(written.failure.message, written.failure.detail);
  const checked = await api.checkWrittenFile(
    { name: file.fileName, contents: written.value },
    file.receipt.checksum,
    options.passphrase ? { passphrase: options.passphrase } : {},
  );
  if (!checked.ok) {
    // A file that does not read back as written must not be mistaken for a backup later.
    await removeFile(dir.value, file.fileName);
    return failed(checked.error.message, checked.error.detail);
  }
  const recorded = await api.recordFolderWrite({ ok: true, receipt: file.receipt, path });
  if (!recorded.ok) return { ok: false, message: recorded.error.message };
  const retention = await applyFolderRetention(root, options.now);
  if (retention.archived.length > 0 || retention.removed.length > 0) {
    await api.recordFolderRetention({ archived: retention.archived, removed: retention.removed });
  }
  return { ok: true, path, retention: retention.note };
}

/** What the folder retention did: a note for the user (or of what failed), and the files it touched. */
export interface FolderRetentionResult {
  note: string | null;
  archived: string[];
  removed: string[];
}

/** Archive copies, then removals; says what was done (or what failed). */
export async function applyFolderRetention(root: FileSystemDirectoryHandle, now: Date): Promise<FolderRetentionResult> {
  const skipped = (note: string): FolderRetentionResult => ({ note, archived: [], removed: [] });
  const dirs = await Promise.all((['daily', 'emergency', 'archive'] as const).map((name) => subfolder(root, name)));
  const [daily, emergency, archive] = dirs;
  if (!daily?.ok || !emergency?.ok || !archive?.ok) {
    return skipped('The folder retention was skipped: a folder inside the backup folder could not be opened.');
  }
  const listing = await listAll({ daily: daily.value, emergency: emergency.value, archive: archive.value });
  if (!listing) return skipped('The folder retention was skipped: the backup folder could not be listed.');
  const plan = planFolderRetention(listing, now);
  const archived: string[] = [];
  for (const name of plan.archive) {
    const copied = await copyChecked(daily.value, archive.value, name);
    // Without its archived copy, a month's first file is not deleted: skip all removals.
    if (!copied) {
      const note = `The monthly copy of ${name} could not be made in archive/, so no old file was deleted.`;
      return { note, archived, removed: [] };
    }
    archived.push(`daily/${name}`);
  }
  const removed: string[] = [];
  for (const { dir, name } of plan.remove) {
    const result = await removeFile(dir === 'daily' ? daily.value : emergency.value, name);
    if (result.ok) removed.push(`${dir}/${name}`);
  }
  const notes = [
    plan.archive.length ? `copied ${plan.archive.join(', ')} to archive/` : '',
    removed.length ? `removed ${plural(removed.length, 'file')} past the folder retention` : '',
  ].filter(Boolean);
  return { note: notes.length ? `Folder retention: ${notes.join('; ')}.` : null, archived, removed };
}

/** The newest exact-named file of daily/ and emergency/ (`Restore latest from folder`), or why there is none. */
export async function readLatestBackup(
  root: FileSystemDirectoryHandle,
): Promise<{ ok: true; path: string; file: File } | { ok: false; message: string }> {
  const [daily, emergency] = await Promise.all([subfolder(root, 'daily'), subfolder(root, 'emergency')]);
  if (!daily.ok) return { ok: false, message: daily.failure.message };
  if (!emergency.ok) return { ok: false, message: emergency.failure.message };
  const [dailyNames, emergencyNames] = await Promise.all([listFiles(daily.value), listFiles(emergency.value)]);
  if (!dailyNames.ok) return { ok: false, message: dailyNames.failure.message };
  if (!emergencyNames.ok) return { ok: false, message: emergencyNames.failure.message };
  const newest = newestBackupInFolder({ daily: dailyNames.value, emergency: emergencyNames.value });
  if (!newest) return { ok: false, message: NO_FILES };
  const file = await readFile(newest.dir === 'daily' ? daily.value : emergency.value, newest.name);
  return file.ok
    ? { ok: true, path: `${newest.dir}/${newest.name}`, file: file.value }
    : { ok: false, message: file.failure.message };
}

const NO_FILES = 'The backup folder holds no ff2api_backup_….json file in daily/ or emergency/. Nothing was changed.';

async function listAll(dirs: Record<keyof FolderListing, FileSystemDirectoryHandle>): Promise<FolderListing | null> {
  const [daily, emergency, archive] = await Promise.all([
    listFiles(dirs.daily),
    listFiles(dirs.emergency),
    listFiles(dirs.archive),
  ]);
  if (!daily.ok || !emergency.ok || !archive.ok) return null;
  return { daily: daily.value, emergency: emergency.value, archive: archive.value };
}

/** Copies a file and checks the copy has the same bytes (SHA-256). */
async function copyChecked(
  from: FileSystemDirectoryHandle,
  to: FileSystemDirectoryHandle,
  name: string,
): Promise<boolean> {
  const source = await readFile(from, name);
  if (!source.ok) return false;
  const copy: FolderResult<File> = await writeFile(to, name, source.value);
  if (!copy.ok) return false;
  const [a, b] = await Promise.all([digest(source.value), digest(copy.value)]);
  return a === b;
}

async function digest(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
