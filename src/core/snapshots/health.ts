/**
 * Backup health: Good / Warning / Critical by docs/design.md's rules, as a pure function of what the
 * worker and the page know, so that the page's clock drives it (a page left open for a day turns
 * Critical without any click). Each finding says what is wrong and what to do.
 */

export const HEALTH_LEVELS = ['Good', 'Warning', 'Critical'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

export interface HealthFinding {
  level: Exclude<HealthLevel, 'Good'>;
  text: string;
  /** ISO time the problem dates from, when it has one (the UI shows it in local time). */
  since?: string;
}

/** A backup file made from this browser, as the activity log recorded it. */
export interface BackupFileRecord {
  at: string;
  fileName: string;
  /** "downloads" or the folder path it was written to, e.g. "ff2api_backups/daily/". */
  where: string;
  sizeBytes: number;
}

export type FolderState = 'unsupported' | 'not-chosen' | 'connected' | 'needs-reconnect';

export interface HealthInput {
  now: Date;
  hasData: boolean;
  times: {
    createdAt: string | null;
    restoredAt: string | null;
    lastBackupAt: string | null;
    lastChangeAt: string | null;
  };
  /** The first change since the backup point (or since creation when there is none). */
  firstChangeSinceBackupAt: string | null;
  /** The newest backup files, newest first (two are enough to see a sudden shrink). */
  backupFiles: readonly BackupFileRecord[];
  /** Database sizes of the two newest verified snapshots, newest first. */
  snapshotSizes: readonly number[];
  /** The newest snapshot attempt failed (storing or verifying) and none verified since. */
  snapshotFailure: { at: string; message: string } | null;
  /** The newest write into the backup folder failed. */
  folderFailure: { at: string; message: string } | null;
  lastFileVerification: { at: string; ok: boolean; fileName: string } | null;
  storage: { usageBytes: number; quotaBytes: number } | null;
  folder: FolderState;
}

export interface HealthAssessment {
  level: HealthLevel;
  /** Worst first. */
  findings: HealthFinding[];
}

const HOUR = 3_600_000;
export const NO_BACKUP_CRITICAL_HOURS = 24;
export const DRILL_DAYS = 30;
export const STORAGE_WARNING_SHARE = 0.8;

/** Assesses backup health now. */
export function assessBackupHealth(input: HealthInput): HealthAssessment {
  const findings: HealthFinding[] = [];
  const critical = (text: string, since?: string) =>
    findings.push(since === undefined ? { level: 'Critical', text } : { level: 'Critical', text, since });
  const warning = (text: string) => findings.push({ level: 'Warning', text });
  const nowMs = input.now.getTime();

  const unbackedSince = unbackedChangesSince(input);
  if (unbackedSince !== null && nowMs - Date.parse(unbackedSince) >= NO_BACKUP_CRITICAL_HOURS * HOUR) {
    critical(
      `Changes have been in no backup file for ${NO_BACKUP_CRITICAL_HOURS} hours or more. Download a backup now, or choose a backup folder.`,
      unbackedSince,
    );
  }
  if (input.snapshotFailure)
    critical(`The last snapshot failed: ${input.snapshotFailure.message}`, input.snapshotFailure.at);
  if (input.folderFailure)
    critical(`The last write into the backup folder failed: ${input.folderFailure.message}`, input.folderFailure.at);
  if (input.lastFileVerification && !input.lastFileVerification.ok)
    critical(
      `The last backup file verified (${input.lastFileVerification.fileName}) failed its check. Verify another file, or make a new backup.`,
    );

  const [newestFile, previousFile] = input.backupFiles;
  if (newestFile && previousFile && newestFile.sizeBytes < previousFile.sizeBytes / 2) {
    warning(
      `The newest backup file (${newestFile.fileName}) is less than half the size of the one before: check that no data is missing.`,
    );
  }
  const [newestSnapshot, previousSnapshot] = input.snapshotSizes;
  if (newestSnapshot !== undefined && previousSnapshot !== undefined && newestSnapshot < previousSnapshot / 2) {
    warning('The newest snapshot is less than half the size of the one before: check that no data is missing.');
  }
  const drillFrom = input.lastFileVerification?.ok ? input.lastFileVerification.at : input.times.createdAt;
  if (input.hasData && drillFrom !== null && nowMs - Date.parse(drillFrom) > DRILL_DAYS * 24 * HOUR) {
    warning(
      `No backup file was verified in ${DRILL_DAYS} days: time for a restore drill. Choose a file in “Verify a backup file”.`,
    );
  }
  if (
    input.storage &&
    input.storage.quotaBytes > 0 &&
    input.storage.usageBytes > STORAGE_WARNING_SHARE * input.storage.quotaBytes
  ) {
    warning('Browser storage is over 80 % full: new snapshots may fail. Delete old snapshots or free disk space.');
  }
  if (input.folder === 'needs-reconnect')
    warning('The backup folder needs to be reconnected: press “Reconnect backup folder”.');

  const level: HealthLevel = findings.some((f) => f.level === 'Critical')
    ? 'Critical'
    : findings.length > 0
      ? 'Warning'
      : 'Good';
  return {
    level,
    findings: [...findings.filter((f) => f.level === 'Critical'), ...findings.filter((f) => f.level === 'Warning')],
  };
}

/**
 * From when changes have been outside every backup file, or null when nothing is at risk:
 * counted from the last backup file; with none since the last restore (or ever), from the first
 * change after that restore (or after the database was created).
 */
export function unbackedChangesSince({
  hasData,
  times,
  firstChangeSinceBackupAt,
}: Pick<HealthInput, 'hasData' | 'times' | 'firstChangeSinceBackupAt'>): string | null {
  const { lastBackupAt, restoredAt, lastChangeAt, createdAt } = times;
  const backupPoint = later(lastBackupAt, restoredAt);
  const hasChanges =
    backupPoint === null ? hasData : lastChangeAt !== null && Date.parse(lastChangeAt) > Date.parse(backupPoint);
  if (!hasChanges) return null;
  if (lastBackupAt !== null && lastBackupAt === backupPoint) return lastBackupAt;
  const firstChange =
    firstChangeSinceBackupAt !== null &&
    (backupPoint === null || Date.parse(firstChangeSinceBackupAt) > Date.parse(backupPoint))
      ? firstChangeSinceBackupAt
      : null;
  return firstChange ?? lastChangeAt ?? createdAt;
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
