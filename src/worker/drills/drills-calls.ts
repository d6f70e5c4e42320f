import type { DrillCandidate } from '../../core/drills/drill-types';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import type { Drills } from './drills-feature';

/** Drills: the snapshots a drill may pick, past drills, and running one. */
export const drillsCalls = {
  reads: {
    /** The verified snapshots a drill may pick (the page adds the folder's and the store's). */
    listSnapshotDrillCandidates: (drills: Drills) => drills.snapshotCandidates(),
    /** Past drills made in this browser, newest first. */
    listDrills: (drills: Drills, limit?: number) => drills.listDrills(limit),
  },
  actions: {
    /** Restores `candidate` apart, compares it with the live data, times it, records the result. */
    runDrill: (drills: Drills, candidate: DrillCandidate, file?: BackupSource, options?: { passphrase?: string }) =>
      drills.run(candidate, file, options),
  },
} satisfies FeatureCalls<Drills>;
