import * as z from 'zod/mini';
import { fact, type Fact, type FactStore } from '../engine/fact-store';

/** How long the last measured restore took (a real one, or a verification's scratch one). */
export interface RestoreTiming {
  ms: number;
  rows: number;
  at: string;
  /** "restore of ff2api_backup_….json", "verification of …". */
  what: string;
}

const RestoreTimingSchema = z.object({ ms: z.number(), rows: z.number(), at: z.string(), what: z.string() });

/** The last restore's timing, kept for the health panel (the recovery time a restore really takes). */
export function restoreTimingFact(store: FactStore): Fact<RestoreTiming> {
  return fact(store, 'lastRestoreMeasure', RestoreTimingSchema);
}
