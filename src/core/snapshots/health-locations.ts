import type { DataTable } from '../db/schema';
import { findShrink } from './health-shrink';
import {
  STORAGE_WARNING_SHARE,
  type BackupFileRecord,
  type FolderState,
  type HealthFinding,
  type HealthInput,
  type LocationHealth,
} from './health-types';

/**
 * Health per location: each place copies are kept says its state, its newest copy and its last
 * failure, and the same rules judge them all — a failure newer than the last success is Critical,
 * a location needing a click is a Warning, a sudden drop in rows between its two newest copies is
 * a Warning. A new location (the team store) is one more builder here.
 */

/** The findings about one location. */
export function locationFindings(location: LocationHealth, input: Pick<HealthInput, 'times'>): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const about = { location: location.id };
  if (location.failure) {
    const { message, clears, action, at } = location.failure;
    findings.push({ level: 'Critical', ...about, text: message, clears, ...(action ? { action } : {}), since: at });
  }
  if (location.state === 'needs-attention' && location.attention) {
    const { text, clears, action } = location.attention;
    findings.push({ level: 'Warning', ...about, text, clears, ...(action ? { action } : {}) });
  }
  const [newest, previous] = location.recentCopies;
  const shrink = newest && previous ? findShrink(newest, previous, input.times.restoredAt) : null;
  if (shrink) {
    findings.push({
      level: 'Warning',
      ...about,
      text: `${location.label}: the newest copy holds ${shrink.to} ${shrink.words}, less than half of the ${shrink.from} in the one before.`,
      clears: 'If they were deleted on purpose, the next copy clears this. If not, restore the copy before it.',
      since: newest?.at ?? '',
    });
  }
  const storage = location.storage;
  if (storage && storage.quotaBytes > 0 && storage.usageBytes > STORAGE_WARNING_SHARE * storage.quotaBytes) {
    findings.push({
      level: 'Warning',
      ...about,
      text: 'Browser storage is over 80 % full: new snapshots may fail.',
      clears:
        'Deleting old snapshots (Backups → Snapshots) or freeing disk space clears this once usage is under 80 %.',
      action: 'free-storage',
    });
  }
  return [...findings, ...(location.findings ?? [])];
}

/** This browser's snapshots. */
export function browserLocation(facts: {
  newestVerified: { at: string; name: string } | null;
  failure: { at: string; message: string } | null;
  recentCopies: readonly { at: string; counts: Partial<Record<DataTable, number>> }[];
  storage: { usageBytes: number; quotaBytes: number } | null;
}): LocationHealth {
  return {
    id: 'browser',
    label: 'This browser (snapshots)',
    state: 'ready',
    newestCopy: facts.newestVerified,
    failure: facts.failure && {
      at: facts.failure.at,
      message: `The last snapshot failed: ${facts.failure.message}`,
      clears: 'The next snapshot that passes its check clears this: press “Take snapshot now” (Backups).',
      action: 'take-snapshot',
    },
    recentCopies: facts.recentCopies,
    storage: facts.storage,
  };
}

/** Backup files handed to the browser's downloads from here. */
export function downloadsLocation(files: readonly BackupFileRecord[]): LocationHealth {
  const downloads = files.filter((file) => file.where === 'downloads');
  const [newest] = downloads;
  return {
    id: 'downloads',
    label: 'Downloaded backup files',
    state: newest ? 'ready' : 'not-set-up',
    newestCopy: newest ? { at: newest.at, name: newest.fileName } : null,
    failure: null,
    // The file checks compare every backup file made here (health-rules.ts), downloads or not.
    recentCopies: [],
  };
}

/** The backup folder, as the page sees it (its permission) and the worker recorded it (its writes). */
export function folderLocation(facts: {
  state: FolderState;
  folderName: string | null;
  lastWrite: { at: string; path: string } | null;
  failure: { at: string; message: string } | null;
  recentCopies: readonly { at: string; counts: Partial<Record<DataTable, number>> }[];
}): LocationHealth {
  const name = facts.folderName ?? 'The backup folder';
  const state: LocationHealth['state'] =
    facts.state === 'unsupported'
      ? 'unavailable'
      : facts.state === 'not-chosen'
        ? 'not-set-up'
        : facts.state === 'needs-reconnect'
          ? 'needs-attention'
          : 'ready';
  return {
    id: 'folder',
    label: 'The backup folder',
    state,
    ...(state === 'needs-attention'
      ? {
          attention: {
            text: `${name} needs to be reconnected: the browser asks for permission again.`,
            clears: 'Pressing “Reconnect backup folder” and allowing access clears this.',
            action: 'reconnect-folder' as const,
          },
        }
      : {}),
    newestCopy: facts.lastWrite ? { at: facts.lastWrite.at, name: facts.lastWrite.path } : null,
    failure: facts.failure && {
      at: facts.failure.at,
      message: `The last write into the backup folder failed: ${facts.failure.message}`,
      clears: 'A backup written there and checked clears this: press “Download backup” once the folder is reachable.',
      action: 'download-backup',
    },
    recentCopies: facts.recentCopies,
  };
}
