import type { AppError, Result } from '../../core/result';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { isAutomaticTrigger, snapshotName } from '../../core/snapshots/snapshot-name';
import { TRIGGER_LABELS, type SnapshotTrigger } from '../../core/snapshots/triggers';
import type { RecordAudit } from '../engine/audit';

/** A snapshot retention deleted, and why: past every tier of the policy, or to stay within the budget. */
export interface RetentionDeletion {
  manifest: SnapshotManifest;
  because: 'expired' | 'budget';
}

/**
 * What happens to snapshots, in the audit trail: taken (or failed), pinned, unpinned, deleted,
 * downloaded, checked again, and what retention deleted. Scheduled snapshots and retention are the
 * app's own doing; the others name the person at the keyboard.
 */
export class SnapshotAudit {
  constructor(private readonly audit: RecordAudit) {}

  async taken(trigger: SnapshotTrigger, note: string | null, taken: Result<SnapshotManifest>): Promise<void> {
    // A tab that is not the writer takes none and changes nothing: nothing to record.
    if (!taken.ok && taken.error.code === 'read-only') return;
    const label = `${TRIGGER_LABELS[trigger]}${note ? ` — “${note}”` : ''}`;
    await this.audit({
      kind: 'snapshot',
      summary: taken.ok ? `Snapshot taken: ${label}` : `Snapshot failed (${label}): ${taken.error.message}`,
      details: taken.ok ? { ok: true, id: taken.value.id, trigger, note } : failure(taken.error, { trigger, note }),
      isAutomatic: isAutomaticTrigger(trigger),
    });
  }

  async retention(deleted: readonly RetentionDeletion[]): Promise<void> {
    if (deleted.length === 0) return;
    const budget = deleted.filter((d) => d.because === 'budget').length;
    const why =
      budget === 0
        ? 'past the retention policy'
        : budget === deleted.length
          ? 'to stay within the storage budget'
          : 'past the retention policy or over the storage budget';
    await this.audit({
      kind: 'retention',
      summary: `Snapshot retention deleted ${deleted.length === 1 ? 'a snapshot' : `${deleted.length} snapshots`} ${why}: ${deleted.map((d) => snapshotName(d.manifest)).join('; ')}`,
      details: {
        deleted: deleted.map((d) => ({
          id: d.manifest.id,
          takenAt: d.manifest.takenAt,
          trigger: d.manifest.trigger,
          because: d.because,
        })),
      },
      isAutomatic: true,
    });
  }

  async pinned(manifest: SnapshotManifest, isPinned: boolean): Promise<void> {
    const summary = `${isPinned ? 'Snapshot pinned' : 'Snapshot unpinned'}: ${snapshotName(manifest)}`;
    await this.audit({ kind: 'snapshot', summary, details: { id: manifest.id, pinned: isPinned } });
  }

  async deleted(manifest: SnapshotManifest): Promise<void> {
    await this.audit({
      kind: 'snapshot',
      summary: `Snapshot deleted: ${snapshotName(manifest)}`,
      details: { id: manifest.id, takenAt: manifest.takenAt },
    });
  }

  async downloaded(manifest: SnapshotManifest, fileName: string): Promise<void> {
    const summary = `Snapshot downloaded as ${fileName}: ${snapshotName(manifest)}`;
    await this.audit({ kind: 'snapshot', summary, details: { id: manifest.id, fileName } });
  }

  async checked(manifest: SnapshotManifest, checked: Result<SnapshotManifest>): Promise<void> {
    const verdict = checked.ok
      ? checked.value.verification.state === 'verified'
        ? 'Verified'
        : `Verification failed: ${checked.value.verification.state === 'failed' ? checked.value.verification.problem : 'not finished'}`
      : `could not be checked: ${checked.error.message}`;
    await this.audit({
      kind: 'snapshot',
      summary: `Snapshot checked again: ${snapshotName(manifest)} — ${verdict}`,
      details: checked.ok
        ? { id: manifest.id, ok: checked.value.verification.state === 'verified' }
        : failure(checked.error, { id: manifest.id }),
    });
  }
}

function failure(error: AppError, more: Record<string, unknown>): Record<string, unknown> {
  return { ok: false, code: error.code, message: error.message, ...more };
}
