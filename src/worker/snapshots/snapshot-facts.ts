import * as z from 'zod/mini';
import { fact, type Fact, type FactStore } from '../engine/fact-store';

/** The records snapshots keep beside the database (worker/engine/fact-store.ts). */
export interface SnapshotFacts {
  /** The last snapshot that could not be taken or stored (cleared by the next good one). */
  lastFailure: Fact<{ at: string; message: string }>;
  /** When end of day last ran (a missed one is caught up at the next start). */
  lastEndOfDayAt: Fact<string>;
}

const FailureSchema = z.object({ at: z.string(), message: z.string() });

/** The snapshot records of `store` (their keys predate this module: records already stored read as before). */
export function snapshotFacts(store: FactStore): SnapshotFacts {
  return {
    lastFailure: fact(store, 'lastFailure', FailureSchema),
    lastEndOfDayAt: fact(store, 'lastEndOfDayAt', z.string()),
  };
}
