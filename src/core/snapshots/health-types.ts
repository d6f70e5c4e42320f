import type { DataTable } from '../db/schema';

/** The words of backup health (health.ts): levels, findings, and what the rules are given. */

export const HEALTH_LEVELS = ['Good', 'Warning', 'Critical'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

/** What a button next to a finding does (the UI maps each to the control that does it). */
export type HealthAction =
  'download-backup' | 'run-drill' | 'take-snapshot' | 'reconnect-folder' | 'restore-from-backup' | 'free-storage';

export interface HealthFinding {
  level: Exclude<HealthLevel, 'Good'>;
  /** The location it is about (a LocationHealth id), or 'general' for the data as a whole. */
  location: string;
  /** What is wrong. */
  text: string;
  /** What clears it — and doing that does. */
  clears: string;
  action?: HealthAction;
  /** ISO time the problem dates from, when it has one (the UI shows it in local time). */
  since?: string;
}

/** A backup file made from this browser, as its own activity log recorded it. */
export interface BackupFileRecord {
  at: string;
  fileName: string;
  /** "downloads" or where in the backup folder it was written, e.g. "backup folder (daily/…)". */
  where: string;
  /** Rows per table: what the size checks compare (never bytes: encryption changes those). */
  counts: Partial<Record<DataTable, number>> | null;
}

/** The last check of a real backup — a verification or a drill — this browser made. */
export interface BackupCheck {
  at: string;
  kind: 'verification' | 'drill';
  fileName: string;
  /** `damaged`: the backup did not restore; `failed`: it restored, but too slowly or unlike the data. */
  outcome: 'passed' | 'damaged' | 'failed';
  /** Why it did not pass (empty when it passed). */
  problem: string;
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
  /** The browser deleted this app's data: when it was last seen, and the last backup file made here. */
  dataDeleted: { lastSeenAt: string; lastBackupName: string | null } | null;
  /** Backup files made from this browser, newest first. */
  backupFiles: readonly BackupFileRecord[];
  /** The newest check of a backup file or snapshot (a verification or a drill). */
  lastCheck: BackupCheck | null;
  /** When a check last passed (the monthly drill counts from it). */
  lastPassedCheckAt: string | null;
  /** Where copies are kept, each with its own state. */
  locations: readonly LocationHealth[];
}

/**
 * One place copies are kept — this browser's snapshots, downloads, the backup folder, the team
 * store — as health sees it: whether it is set up and working, its newest copy, its last failure
 * (only when newer than its last success), and the rows of its two newest copies.
 */
export interface LocationHealth {
  /** 'browser', 'downloads', 'folder', 'store'. */
  id: string;
  /** How the panel names it: "This browser (snapshots)", "The backup folder". */
  label: string;
  state: 'ready' | 'not-set-up' | 'unavailable' | 'needs-attention';
  /** Why it needs attention, and what clears that (state 'needs-attention'). */
  attention?: { text: string; clears: string; action?: HealthAction };
  newestCopy: { at: string; name: string } | null;
  /** The last write or check that failed, when newer than the last that succeeded. */
  failure: { at: string; message: string; clears: string; action?: HealthAction } | null;
  /** A failure the location's own rules judge instead (the team store: its copies wait and go again). */
  lastProblem?: { at: string; message: string };
  /** Copies waiting on this computer to go there. */
  waiting?: number;
  /** Rows per table of its two newest good copies, newest first, with when each was made. */
  recentCopies: readonly { at: string; counts: Partial<Record<DataTable, number>> }[];
  /** Storage used against the quota, where the location has one (this browser). */
  storage?: { usageBytes: number; quotaBytes: number } | null;
  /** Findings of rules of the location's own (the team store's: core/team-store/store-health.ts). */
  findings?: readonly HealthFinding[];
}

export interface HealthAssessment {
  level: HealthLevel;
  /** Worst first. */
  findings: HealthFinding[];
}

export const NO_BACKUP_CRITICAL_HOURS = 24;
export const DRILL_DAYS = 30;
export const STORAGE_WARNING_SHARE = 0.8;
