import type { HealthFinding, HealthLevel } from '../snapshots/health';

/**
 * Health per location — this browser, the backup folder, the team store: each one's newest good
 * copy, last check and failures, and the recovery point across them (the store counts). Pure, so
 * the page's clock drives it. Rules for the store:
 * - Critical when there are changes the store does not have and it has had no good copy for
 *   24 h (counted from its newest good copy, or from when it was connected);
 * - Warning when the store has been unreachable for a day.
 */

export type BackupLocation = 'browser' | 'folder' | 'store';

export interface LocationStatus {
  location: BackupLocation;
  /** Not set up (no folder chosen, no store connected): reported, never a problem by itself. */
  configured: boolean;
  newestGoodCopyAt: string | null;
  lastCheckAt: string | null;
  /** Failures since the newest good copy, newest first. */
  failures: readonly { at: string; message: string }[];
  /** Store only: when it was connected, and since when it has not answered (null: it answers). */
  connectedAt?: string | null;
  unreachableSince?: string | null;
}

export interface StoreHealthInput {
  now: Date;
  /** The newest change to the data, or null when nothing changed since it was created or restored. */
  lastChangeAt: string | null;
  locations: readonly LocationStatus[];
}

export interface LocationHealth {
  location: BackupLocation;
  level: HealthLevel;
  newestGoodCopyAt: string | null;
  lastCheckAt: string | null;
  failureCount: number;
}

export interface StoreHealthAssessment {
  level: HealthLevel;
  findings: HealthFinding[];
  perLocation: LocationHealth[];
  /** The newest good copy anywhere: what a restore could bring back. */
  recoveryPointAt: string | null;
}

const DAY_MS = 86_400_000;
export const STORE_NO_COPY_CRITICAL_HOURS = 24;
export const STORE_UNREACHABLE_WARNING_HOURS = 24;

export function assessStoreHealth({ now, lastChangeAt, locations }: StoreHealthInput): StoreHealthAssessment {
  const findings: HealthFinding[] = [];
  const levels = new Map<BackupLocation, HealthLevel>();
  const store = locations.find((l) => l.location === 'store' && l.configured);
  if (store) {
    const copyMs = store.newestGoodCopyAt ? Date.parse(store.newestGoodCopyAt) : null;
    const hasUnsharedChanges = lastChangeAt !== null && (copyMs === null || Date.parse(lastChangeAt) > copyMs);
    const sinceMs = copyMs ?? (store.connectedAt ? Date.parse(store.connectedAt) : null);
    if (hasUnsharedChanges && sinceMs !== null && now.getTime() - sinceMs >= STORE_NO_COPY_CRITICAL_HOURS * 3_600_000) {
      const since = new Date(sinceMs).toISOString();
      const last = store.failures[0];
      findings.push({
        level: 'Critical',
        location: 'store',
        since,
        text:
          `The team store has had no good copy of this data for more than a day, and there are changes since. ` +
          (last ? `The last attempt failed: ${last.message}` : ''),
        clears: 'A backup copied into the team store clears this: download a backup now, and check the connection.',
        action: 'download-backup',
      });
      levels.set('store', 'Critical');
    }
    const unreachableMs = store.unreachableSince ? Date.parse(store.unreachableSince) : null;
    if (unreachableMs !== null && now.getTime() - unreachableMs >= STORE_UNREACHABLE_WARNING_HOURS * 3_600_000) {
      const days = Math.floor((now.getTime() - unreachableMs) / DAY_MS);
      findings.push({
        level: 'Warning',
        location: 'store',
        since: new Date(unreachableMs).toISOString(),
        text:
          `The team store has not answered for ${days} day${days === 1 ? '' : 's'}. ` +
          'Backups wait on this computer and go when it answers.',
        clears: 'The store answering again clears this; use Test connection to see why it does not.',
      });
      if (!levels.has('store')) levels.set('store', 'Warning');
    }
  }
  const order: HealthLevel[] = ['Good', 'Warning', 'Critical'];
  const level = findings.reduce<HealthLevel>(
    (worst, f) => (order.indexOf(f.level) > order.indexOf(worst) ? f.level : worst),
    'Good',
  );
  findings.sort((a, b) => order.indexOf(b.level) - order.indexOf(a.level));
  const goodCopies = locations.map((l) => l.newestGoodCopyAt).filter((t): t is string => t !== null);
  return {
    level,
    findings,
    perLocation: locations.map((l) => ({
      location: l.location,
      level: levels.get(l.location) ?? 'Good',
      newestGoodCopyAt: l.newestGoodCopyAt,
      lastCheckAt: l.lastCheckAt,
      failureCount: l.failures.length,
    })),
    recoveryPointAt: goodCopies.length === 0 ? null : new Date(Math.max(...goodCopies.map(Date.parse))).toISOString(),
  };
}
