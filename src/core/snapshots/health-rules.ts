import { findShrink } from './health-shrink';
import { DRILL_DAYS, NO_BACKUP_CRITICAL_HOURS, type HealthFinding, type HealthInput } from './health-types';

/** The findings about the data as a whole: lost data, changes in no backup, checks, the monthly drill. */

const HOUR = 3_600_000;

/** Findings that are not about one location. */
export function generalFindings(input: HealthInput): HealthFinding[] {
  return [deletedData(input), unbackedChanges(input), failedCheck(input), drillDue(input), fileShrink(input)].filter(
    (finding): finding is HealthFinding => finding !== null,
  );
}

function deletedData({ dataDeleted, hasData }: HealthInput): HealthFinding | null {
  if (!dataDeleted || hasData) return null;
  const file = dataDeleted.lastBackupName ? ` (the last one made here is ${dataDeleted.lastBackupName})` : '';
  return {
    level: 'Critical',
    location: 'general',
    text: 'The browser deleted this app’s data: the database that was here is gone.',
    clears: `Restoring your latest backup file${file} with “Restore from backup” clears this; so does “Start with an empty database”.`,
    action: 'restore-from-backup',
    since: dataDeleted.lastSeenAt,
  };
}

function unbackedChanges(input: HealthInput): HealthFinding | null {
  const since = unbackedChangesSince(input);
  if (since === null || input.now.getTime() - Date.parse(since) < NO_BACKUP_CRITICAL_HOURS * HOUR) return null;
  return {
    level: 'Critical',
    location: 'general',
    text: `Changes have been in no backup file for ${NO_BACKUP_CRITICAL_HOURS} hours or more.`,
    clears:
      'A backup file clears this at once: press “Download backup” (with a backup folder, it is written and checked there).',
    action: 'download-backup',
    since,
  };
}

/** The last check of a backup failed, and no backup file was made and no check passed since. */
function failedCheck({ lastCheck, backupFiles }: HealthInput): HealthFinding | null {
  if (!lastCheck || lastCheck.outcome === 'passed') return null;
  const [newest] = backupFiles;
  if (newest && newest.at > lastCheck.at) return null;
  const what = lastCheck.kind === 'drill' ? 'The last drill' : 'The last verification';
  if (lastCheck.outcome === 'damaged') {
    return {
      level: 'Critical',
      location: 'general',
      text: `${what} found a backup that does not restore: ${lastCheck.fileName} — ${lastCheck.problem}`,
      clears:
        'A new backup file clears this (press “Download backup”), as does a drill that passes. Do not rely on that file.',
      action: 'download-backup',
      since: lastCheck.at,
    };
  }
  return {
    level: 'Warning',
    location: 'general',
    text: `${what} did not pass: ${lastCheck.fileName} — ${lastCheck.problem}`,
    clears: 'A drill that passes clears this (Backups → Drills → “Run a drill”); a new backup file does too.',
    action: 'run-drill',
    since: lastCheck.at,
  };
}

/** The monthly test restore: due 30 days after the last one that passed (or after creation). */
function drillDue({ hasData, lastPassedCheckAt, times, now }: HealthInput): HealthFinding | null {
  const from = lastPassedCheckAt ?? times.createdAt;
  if (!hasData || from === null || now.getTime() - Date.parse(from) <= DRILL_DAYS * 24 * HOUR) return null;
  return {
    level: 'Warning',
    location: 'general',
    text: `No drill has passed in ${DRILL_DAYS} days: time for the monthly test restore.`,
    clears: 'A drill that passes clears this: Backups → Drills → “Run a drill” (or verify a backup file).',
    action: 'run-drill',
  };
}

function fileShrink({ backupFiles, times }: HealthInput): HealthFinding | null {
  const [newest, previous] = backupFiles;
  if (!newest || !previous) return null;
  const shrink = findShrink(newest, previous, times.restoredAt);
  if (!shrink) return null;
  return {
    level: 'Warning',
    location: 'general',
    text: `The newest backup file (${newest.fileName}) holds ${shrink.to} ${shrink.words}, less than half of the ${shrink.from} in the one before (${previous.fileName}).`,
    clears: `If they were deleted on purpose, the next backup clears this. If not, restore ${previous.fileName}.`,
    action: 'download-backup',
    since: newest.at,
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
