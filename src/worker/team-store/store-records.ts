import * as z from 'zod/mini';
import { fact, type Fact, type FactStore } from '../engine/fact-store';

/**
 * What this browser remembers of the team store beside the database (worker/engine/fact-store.ts):
 * its health (the newest checked copy, the last answer, failures since, since when it has not
 * answered), the copies it wrote and checked (retention deletes only after a newer one was
 * checked), the objects it read in full and checked, the bucket's protection in words and the
 * last retention run. Ids, times and words only: no key, no data. Cleared on connect and disconnect.
 */

export interface StoreHealthRecord {
  newestGoodCopy: { at: string; fileName: string } | null;
  lastCheckAt: string | null;
  failures: { at: string; message: string }[];
  unreachableSince: string | null;
  lastRetention: { at: string; summary: string } | null;
  protection: string[];
}

export interface OwnCopy {
  key: string;
  createdAt: string;
  checkedAt: string;
}

export interface StoreRecords {
  health: Fact<StoreHealthRecord>;
  ownCopies: Fact<OwnCopy[]>;
  /** Keys of other browsers' objects this browser opened in full and checked. */
  checkedKeys: Fact<string[]>;
}

/** At most this many failures are kept (newest first): enough to see a pattern. */
export const MAX_FAILURES_KEPT = 10;

const timed = z.object({ at: z.string(), message: z.string() });
const healthSchema = z.object({
  newestGoodCopy: z.nullable(z.object({ at: z.string(), fileName: z.string() })),
  lastCheckAt: z.nullable(z.string()),
  failures: z.array(timed),
  unreachableSince: z.nullable(z.string()),
  lastRetention: z.nullable(z.object({ at: z.string(), summary: z.string() })),
  protection: z.array(z.string()),
});
const ownCopySchema = z.object({ key: z.string(), createdAt: z.string(), checkedAt: z.string() });

export function storeRecords(store: FactStore): StoreRecords {
  return {
    health: fact(store, 'teamStoreHealth', healthSchema),
    ownCopies: fact(store, 'teamStoreOwnCopies', z.array(ownCopySchema)),
    checkedKeys: fact(store, 'teamStoreCheckedKeys', z.array(z.string())),
  };
}

export function emptyHealth(): StoreHealthRecord {
  return {
    newestGoodCopy: null,
    lastCheckAt: null,
    failures: [],
    unreachableSince: null,
    lastRetention: null,
    protection: [],
  };
}

/** Changes the health record: read, apply `change`, write back (a missing record starts empty). */
export async function updateHealth(
  records: StoreRecords,
  change: (health: StoreHealthRecord) => StoreHealthRecord,
): Promise<void> {
  await records.health.write(change((await records.health.read()) ?? emptyHealth()));
}

/** The record after a failure: kept newest first, and the start of an outage when the store did not answer. */
export function withFailure(
  health: StoreHealthRecord,
  failure: { at: string; message: string },
  isUnreachable: boolean,
): StoreHealthRecord {
  return {
    ...health,
    failures: [failure, ...health.failures].slice(0, MAX_FAILURES_KEPT),
    unreachableSince: isUnreachable ? (health.unreachableSince ?? failure.at) : health.unreachableSince,
  };
}

/** The record after the store answered (any successful request): the outage, if any, is over. */
export function withAnswer(health: StoreHealthRecord, at: string): StoreHealthRecord {
  return { ...health, lastCheckAt: at, unreachableSince: null };
}

/** The record after a copy was checked: it is the newest good copy if it is newer; failures before it are over. */
export function withGoodCopy(health: StoreHealthRecord, copy: { at: string; fileName: string }): StoreHealthRecord {
  const isNewer = health.newestGoodCopy === null || copy.at >= health.newestGoodCopy.at;
  return { ...health, newestGoodCopy: isNewer ? copy : health.newestGoodCopy, failures: [] };
}
