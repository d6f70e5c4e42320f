import type { HealthFinding, LocationHealth } from '../snapshots/health';

/**
 * The team store as a location of backup health (core/snapshots/health-locations.ts), with rules
 * of its own. A store is a place reached over the network: a failed copy waits on this computer
 * and is tried again, so a failure alone is no alarm. Pure, so the page's clock drives it:
 * - Critical when there are changes the store does not have and it has had no good copy for
 *   24 h (counted from its newest good copy, or from when it was connected);
 * - Warning when the store has been unreachable for a day.
 */

/** What the worker knows of the store's side (the team store feature's health facts). */
export interface StoreFacts {
  connectedAt: string;
  newestGoodCopy: { at: string; fileName: string } | null;
  /** Failures since the newest good copy, newest first. */
  failures: readonly { at: string; message: string }[];
  unreachableSince: string | null;
  /** Copies waiting on this computer to go to the store. */
  waiting: number;
}

const DAY_MS = 86_400_000;
export const STORE_NO_COPY_CRITICAL_HOURS = 24;
export const STORE_UNREACHABLE_WARNING_HOURS = 24;

/** The store's findings now; `lastChangeAt`: the data's newest change that may be in no copy (null: none). */
export function storeFindings({
  now,
  lastChangeAt,
  store,
}: {
  now: Date;
  lastChangeAt: string | null;
  store: StoreFacts;
}): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const copyMs = store.newestGoodCopy ? Date.parse(store.newestGoodCopy.at) : null;
  const hasUnsharedChanges = lastChangeAt !== null && (copyMs === null || Date.parse(lastChangeAt) > copyMs);
  const sinceMs = copyMs ?? Date.parse(store.connectedAt);
  if (hasUnsharedChanges && now.getTime() - sinceMs >= STORE_NO_COPY_CRITICAL_HOURS * 3_600_000) {
    const last = store.failures[0];
    findings.push({
      level: 'Critical',
      location: 'store',
      since: new Date(sinceMs).toISOString(),
      text:
        `The team store has had no good copy of this data for more than a day, and there are changes since. ` +
        (last ? `The last attempt failed: ${last.message}` : ''),
      clears: 'A backup copied into the team store clears this: download a backup now, and check the connection.',
      action: 'download-backup',
    });
  }
  const unreachableMs = store.unreachableSince ? Date.parse(store.unreachableSince) : null;
  if (unreachableMs !== null && now.getTime() - unreachableMs >= STORE_UNREACHABLE_WARNING_HOURS * 3_600_000) {
    const days = Math.floor((now.getTime() - unreachableMs) / DAY_MS);
    findings.push({
      level: 'Warning',
      location: 'store',
      since: new Date(unreachableMs).toISOString(),
      text: `The team store has not answered for ${days} day${days === 1 ? '' : 's'}. Backups wait on this computer and go when it answers.`,
      clears: 'The store answering again clears this; use Test connection to see why it does not.',
    });
  }
  return findings;
}

/** The store as a location of backup health: its newest good copy, its last failure, its findings. */
export function storeLocation(store: StoreFacts, judged: { now: Date; lastChangeAt: string | null }): LocationHealth {
  const [lastFailure] = store.failures;
  return {
    id: 'store',
    label: 'Team store',
    state: 'ready',
    newestCopy: store.newestGoodCopy ? { at: store.newestGoodCopy.at, name: store.newestGoodCopy.fileName } : null,
    // Its failures are judged by its own rules (the copies wait and are tried again), so not here.
    failure: null,
    ...(lastFailure ? { lastProblem: lastFailure } : {}),
    ...(store.waiting > 0 ? { waiting: store.waiting } : {}),
    recentCopies: [],
    findings: storeFindings({ ...judged, store }),
  };
}
