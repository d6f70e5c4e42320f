import * as z from 'zod/mini';
import { fact, type Fact, type FactStore } from '../engine/fact-store';

/**
 * The backup folder's last good write and last failure, for health (a failure newer than the last good write is
 * Critical).
 */
export interface FolderOutcomes {
  success: Fact<{ at: string; path: string }>;
  failure: Fact<{ at: string; message: string }>;
}

/** The folder's records of `store` (their keys predate this module: records already stored read as before). */
export function folderOutcomes(store: FactStore): FolderOutcomes {
  return {
    success: fact(store, 'folderSuccess', z.object({ at: z.string(), path: z.string() })),
    failure: fact(store, 'folderFailure', z.object({ at: z.string(), message: z.string() })),
  };
}
