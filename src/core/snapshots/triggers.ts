/**
 * Why a snapshot was taken, what the Backups view calls it, and which ones are pinned for a week
 * by themselves (the safety copies taken before risky operations).
 */

export const SNAPSHOT_TRIGGERS = [
  'after-changes',
  'hourly',
  'before-restore',
  'before-undo',
  'before-merge',
  'before-delete',
  'before-processing',
  'before-migration',
  'after-migration',
  'end-of-day',
  'manual',
] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

/** The names the Backups view shows (docs/design.md UI contract). */
export const TRIGGER_LABELS: Record<SnapshotTrigger, string> = {
  'after-changes': 'After changes',
  hourly: 'Hourly',
  'before-restore': 'Before restore',
  'before-undo': 'Before undo',
  'before-merge': 'Before merge',
  'before-delete': 'Before delete',
  'before-processing': 'Before processing',
  'before-migration': 'Before migration',
  'after-migration': 'After migration',
  'end-of-day': 'End of day',
  manual: 'Manual',
};

/** Safety copies around risky operations are pinned this long, whatever retention says. */
export const SAFETY_PIN_DAYS = 7;

const SAFETY_TRIGGERS: ReadonlySet<SnapshotTrigger> = new Set([
  'before-restore',
  'before-undo',
  'before-merge',
  'before-delete',
  'before-processing',
  'before-migration',
  'after-migration',
]);

/** Whether snapshots of this trigger are pinned for SAFETY_PIN_DAYS when taken. */
export function isSafetyTrigger(trigger: SnapshotTrigger): boolean {
  return SAFETY_TRIGGERS.has(trigger);
}

/** Type guard for triggers read back from storage. */
export function isSnapshotTrigger(value: unknown): value is SnapshotTrigger {
  return typeof value === 'string' && (SNAPSHOT_TRIGGERS as readonly string[]).includes(value);
}
