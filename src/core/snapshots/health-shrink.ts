import type { DataTable } from '../db/schema';

/**
 * The size check of backup health, like with like: the rows per table of two copies of the same
 * kind, never their bytes (an encrypted file is smaller than a plain one of the same data, a
 * gzip'd one smaller still). Only the tables people keep are looked at, and a table must have
 * held a few rows for a drop to mean anything; a restore between the two copies explains any drop.
 */

const WATCHED: readonly { table: DataTable; words: string }[] = [
  { table: 'brokerages', words: 'brokerages' },
  { table: 'brokerage_configurations', words: 'configurations' },
  { table: 'upload_history', words: 'upload history rows' },
];

/** Fewer rows than this before, and a drop says nothing (deleting one of three is ordinary). */
const MIN_ROWS = 4;

export interface Shrink {
  words: string;
  from: number;
  to: number;
}

/** The first watched table the newer copy holds less than half of, or null. */
export function findShrink(
  newer: { at: string; counts: Partial<Record<DataTable, number>> | null },
  older: { at: string; counts: Partial<Record<DataTable, number>> | null },
  restoredAt: string | null,
): Shrink | null {
  if (!newer.counts || !older.counts) return null;
  if (restoredAt !== null && restoredAt > older.at && restoredAt <= newer.at) return null;
  for (const { table, words } of WATCHED) {
    const from = older.counts[table];
    const to = newer.counts[table];
    if (from === undefined || to === undefined || from < MIN_ROWS) continue;
    if (to < from / 2) return { words, from, to };
  }
  return null;
}
