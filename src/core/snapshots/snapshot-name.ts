import type { SnapshotManifest } from './manifest';
import { TRIGGER_LABELS, type SnapshotTrigger } from './triggers';

/** "snapshot of Nov 22, 2026, 5:00 PM (End of day)": how previews and the audit trail name a snapshot. */
export function snapshotName(manifest: Pick<SnapshotManifest, 'takenAt' | 'trigger'>): string {
  const when = new Date(manifest.takenAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return `snapshot of ${when} (${TRIGGER_LABELS[manifest.trigger]})`;
}

/** The triggers that fire by themselves: their snapshots are the app's doing, not a person's. */
const AUTOMATIC_TRIGGERS: ReadonlySet<SnapshotTrigger> = new Set([
  'after-changes',
  'hourly',
  'end-of-day',
  'before-migration',
  'after-migration',
]);

/** Whether a snapshot of this trigger is taken by the app on its own. */
export function isAutomaticTrigger(trigger: SnapshotTrigger): boolean {
  return AUTOMATIC_TRIGGERS.has(trigger);
}
