import { fail, ok, type Result } from '../../core/result';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { planRetention, type RetentionDecision } from '../../core/snapshots/retention';
import type { Clock } from '../../core/clock';
import type { SnapshotList, SnapshotRow } from './snapshot-types';
import type { SnapshotStore } from './snapshot-store';

const MESSAGES = {
  missing:
    'That snapshot no longer exists (it may have been deleted in another tab, or by retention). The list has been refreshed.',
  noneBefore: (when: string) =>
    `No verified snapshot was taken at or before ${when}. Nothing was changed. Choose a later time.`,
};

/** At most this much storage for snapshots (a share of the quota, capped). */
export const BUDGET_CAP_BYTES = 1024 ** 3;
export const BUDGET_QUOTA_SHARE = 0.2;

export type StorageEstimate = () => Promise<{ usageBytes: number; quotaBytes: number } | null>;

/**
 * The stored snapshots as the Backups view sees them: listed newest first with why each is kept,
 * pinned and unpinned, deleted; and retention applied (what it does not keep is deleted).
 */
export class SnapshotLibrary {
  constructor(
    private readonly store: SnapshotStore,
    private readonly clock: Clock,
    private readonly estimate: StorageEstimate,
  ) {}

  /** Manifests, newest first. */
  async manifests(): Promise<SnapshotManifest[]> {
    return (await this.store.list()).sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  }

  async find(id: string): Promise<Result<SnapshotManifest>> {
    const found = (await this.store.list()).find((m) => m.id === id);
    return found ? ok(found) : fail('snapshot-missing', MESSAGES.missing);
  }

  /** Every snapshot with why it is kept, and the storage used against the budget. */
  async list(persisted: boolean | null): Promise<SnapshotList> {
    const [manifests, storage] = await Promise.all([this.manifests(), this.estimate()]);
    const budgetBytes = budgetFor(storage);
    const decisions = this.plan(manifests, budgetBytes);
    return {
      snapshots: manifests.map((m) => toRow(m, decisions.get(m.id))),
      storedBytes: manifests.reduce((sum, m) => sum + m.storedBytes, 0),
      budgetBytes,
      storage,
      persisted,
    };
  }

  /** Deletes what retention does not keep; returns the ids deleted. */
  async applyRetention(): Promise<string[]> {
    const [manifests, storage] = await Promise.all([this.manifests(), this.estimate()]);
    const decisions = this.plan(manifests, budgetFor(storage));
    const doomed = [...decisions.values()].filter((d) => d.deleteBecause !== null).map((d) => d.id);
    if (doomed.length > 0) await this.store.remove(doomed);
    return doomed;
  }

  async setPinned(id: string, pinned: boolean): Promise<Result<SnapshotManifest>> {
    const found = await this.find(id);
    if (!found.ok) return found;
    const next: SnapshotManifest = { ...found.value, pin: pinned ? { kind: 'user' } : null };
    const updated = await this.store.update(next);
    return updated.ok ? ok(next) : updated;
  }

  async remove(id: string): Promise<Result<void>> {
    const found = await this.find(id);
    if (!found.ok) return found;
    const removed = await this.store.remove([id]);
    return removed.ok ? ok(undefined) : removed;
  }

  /** The newest verified snapshot taken at or before `atIso`. */
  async findAt(atIso: string, describe: (iso: string) => string): Promise<Result<SnapshotManifest>> {
    const at = Date.parse(atIso);
    const found = (await this.manifests()).find(
      (m) => m.verification.state === 'verified' && Date.parse(m.takenAt) <= at,
    );
    return found ? ok(found) : fail('no-snapshot-before', MESSAGES.noneBefore(describe(atIso)));
  }

  /** A manifest as a row of the list, with why retention keeps it. */
  row(manifest: SnapshotManifest, manifests: readonly SnapshotManifest[]): SnapshotRow {
    return toRow(manifest, this.plan(manifests, Infinity).get(manifest.id));
  }

  private plan(manifests: readonly SnapshotManifest[], budgetBytes: number): Map<string, RetentionDecision> {
    return new Map(planRetention({ snapshots: manifests, now: this.clock.now(), budgetBytes }).map((d) => [d.id, d]));
  }
}

/** The storage budget for snapshots given the browser's quota (the cap when unknown). */
export function budgetFor(storage: { quotaBytes: number } | null): number {
  return storage && storage.quotaBytes > 0
    ? Math.min(BUDGET_CAP_BYTES, Math.floor(storage.quotaBytes * BUDGET_QUOTA_SHARE))
    : BUDGET_CAP_BYTES;
}

function toRow(m: SnapshotManifest, decision: RetentionDecision | undefined): SnapshotRow {
  return {
    id: m.id,
    takenAt: m.takenAt,
    trigger: m.trigger,
    note: m.note,
    counts: m.counts,
    databaseBytes: m.databaseBytes,
    storedBytes: m.storedBytes,
    verification: m.verification,
    pin: m.pin,
    keptFor: decision?.keptFor ?? [],
  };
}
