import type { DrillCandidate, DrillRecord } from '../../core/drills/drill-types';
import { lazyInstance, lazyModule, type LazyInstance } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import type { Drills, DrillsDeps } from './drills-feature';

/**
 * Drills, loaded on first use (a chunk of their own: opening the app does not need them), and the
 * snapshots a drill may pick, which the snapshots list without it.
 */
export interface DrillsPart {
  drills: LazyInstance<Drills>;
  snapshotCandidates: DrillsDeps['snapshots']['candidates'];
}

/** The drills feature of `deps`, its code loaded when a drill is first listed or run. */
export function openDrills(deps: DrillsDeps): DrillsPart {
  const drills = lazyInstance(
    lazyModule(() => import('./drills-feature')),
    (m) => new m.Drills(deps),
  );
  return { drills, snapshotCandidates: () => deps.snapshots.candidates() };
}

/** Drills: the snapshots a drill may pick, past drills, and running one. */
export const drillsCalls = {
  reads: {
    /** The verified snapshots a drill may pick (the page adds the folder's and the store's). */
    listSnapshotDrillCandidates: (part: DrillsPart) => part.snapshotCandidates(),
    /** Past drills made in this browser, newest first (a part that cannot load is a failed read). */
    listDrills: async (part: DrillsPart, limit?: number): Promise<DrillRecord[]> => {
      const drills = await part.drills.get();
      if (!drills.ok) throw new Error(drills.error.message);
      return drills.value.listDrills(limit);
    },
  },
  actions: {
    /** Restores `candidate` apart, compares it with the live data, times it, records the result. */
    runDrill: (part: DrillsPart, candidate: DrillCandidate, file?: BackupSource, options?: { passphrase?: string }) =>
      part.drills.use((drills) => drills.run(candidate, file, options)),
  },
} satisfies FeatureCalls<DrillsPart>;
