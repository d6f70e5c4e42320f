import type { SnapshotRow } from './snapshot-types';
import type { SnapshotService } from './snapshot-service';

/** The snapshot side of the health panel's facts. */
export interface SnapshotHealthFacts {
  snapshotSizes: number[];
  snapshotCount: number;
  newestSnapshot: SnapshotRow | null;
  snapshotFailure: { at: string; message: string } | null;
}

/**
 * The snapshot side of backup health: sizes of the two newest verified snapshots, the newest
 * one, and whether the newest attempt failed — a storing failure, or a verification that failed
 * later than the last one that passed (a re-check that found a damaged copy counts too).
 */
export async function snapshotHealthFacts(service: SnapshotService): Promise<SnapshotHealthFacts> {
  const [manifests, storedFailure] = await Promise.all([
    service.library.manifests(),
    service.deps.facts.lastFailure.read(),
  ]);
  const verified = manifests.filter((m) => m.verification.state === 'verified');
  const lastGoodAt = verified.reduce<string | null>(
    (latest, m) =>
      m.verification.state === 'verified' && (latest === null || m.verification.at > latest)
        ? m.verification.at
        : latest,
    null,
  );
  const failures = [
    ...manifests.flatMap((m) =>
      m.verification.state === 'failed'
        ? [{ at: m.verification.at, message: `a snapshot did not pass its check (${m.verification.problem})` }]
        : [],
    ),
    ...[service.taker.lastFailure, storedFailure].filter((f): f is { at: string; message: string } => f !== null),
  ].sort((a, b) => (a.at < b.at ? 1 : -1));
  const newestFailure = failures[0] ?? null;
  const [newest] = manifests;
  return {
    snapshotSizes: verified.slice(0, 2).map((m) => m.databaseBytes),
    snapshotCount: manifests.length,
    newestSnapshot: newest ? await service.rowOf(newest) : null,
    // On a tie the failure wins: better a warning too many than a failure hidden.
    snapshotFailure: newestFailure && (lastGoodAt === null || newestFailure.at >= lastGoodAt) ? newestFailure : null,
  };
}
