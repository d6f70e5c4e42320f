/**
 * The backup folder's layout and retention (docs/design.md "Files outside the browser"):
 *   daily/ff2api_backup_YYYYMMDD_HHMMSS.json            kept 30 days
 *   emergency/ff2api_emergency_backup_YYYYMMDD_HHMMSS.json  kept 90 days
 *   (a backup of a database over 256 MB is compressed: the same names ending in .json.gz)
 *   archive/  the first daily file of each month, kept for good
 * Age comes from the time in the name (local time, as the app writes it). Only names that match
 * exactly, with a real date, are ever deleted: "ff2api_backup_20260101_120000 (1).json", a file
 * someone renamed, or anything else in the folder stays. Pure: the caller does the I/O, and calls
 * this only after today's file was written and checked.
 */

export const FOLDER_DIRS = { daily: 'daily', emergency: 'emergency', archive: 'archive' } as const;
export type FolderDir = keyof typeof FOLDER_DIRS;

export const FOLDER_KEEP_DAYS = { daily: 30, emergency: 90 } as const;

const NAME_PATTERNS = {
  daily: /^ff2api_backup_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.json(?:\.gz)?$/,
  emergency: /^ff2api_emergency_backup_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.json(?:\.gz)?$/,
} as const;

/** The local time in an exact backup file name, or null for any other name (or an impossible date). */
export function timeInBackupName(name: string, kind: 'daily' | 'emergency'): Date | null {
  const match = NAME_PATTERNS[kind].exec(name);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hour, minute, second);
  const isReal =
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day &&
    date.getHours() === hour &&
    date.getMinutes() === minute &&
    date.getSeconds() === second;
  return isReal ? date : null;
}

export interface FolderListing {
  daily: readonly string[];
  emergency: readonly string[];
  archive: readonly string[];
}

export interface FolderRetentionPlan {
  /** Daily files to copy into archive/ first (the first of a month that has no archived copy). */
  archive: string[];
  /** Files to delete, after the archive copies were made and checked. */
  remove: { dir: 'daily' | 'emergency'; name: string }[];
}

/** What to archive and delete, given what the folder holds now. */
export function planFolderRetention(listing: FolderListing, now: Date): FolderRetentionPlan {
  const monthOf = (date: Date) => date.getFullYear() * 12 + date.getMonth();
  const archivedMonths = new Set(
    listing.archive
      .map((name) => timeInBackupName(name, 'daily'))
      .filter((d): d is Date => d !== null)
      .map(monthOf),
  );
  const firstOfMonth = new Map<number, { name: string; ms: number }>();
  for (const name of listing.daily) {
    const time = timeInBackupName(name, 'daily');
    if (time === null) continue;
    const month = monthOf(time);
    const first = firstOfMonth.get(month);
    if (!first || time.getTime() < first.ms) firstOfMonth.set(month, { name, ms: time.getTime() });
  }
  const archive = [...firstOfMonth]
    .filter(([month]) => !archivedMonths.has(month))
    .map(([, first]) => first.name)
    .sort();

  const remove: FolderRetentionPlan['remove'] = [];
  for (const dir of ['daily', 'emergency'] as const) {
    const limitMs = FOLDER_KEEP_DAYS[dir] * 86_400_000;
    for (const name of listing[dir]) {
      const time = timeInBackupName(name, dir);
      if (time !== null && now.getTime() - time.getTime() > limitMs) remove.push({ dir, name });
    }
  }
  return { archive, remove };
}

/** The newest exact-named file of daily/ and emergency/, for `Restore latest from folder`. */
export function newestBackupInFolder(
  listing: Pick<FolderListing, 'daily' | 'emergency'>,
): { dir: 'daily' | 'emergency'; name: string; at: Date } | null {
  let newest: { dir: 'daily' | 'emergency'; name: string; at: Date } | null = null;
  for (const dir of ['daily', 'emergency'] as const) {
    for (const name of listing[dir]) {
      const at = timeInBackupName(name, dir);
      if (at !== null && (newest === null || at.getTime() > newest.at.getTime())) newest = { dir, name, at };
    }
  }
  return newest;
}
