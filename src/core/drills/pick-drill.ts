import type { DrillCandidate } from './drill-types';

/** A drill picks among the backups of the last 30 days; with none that recent, among the newest few. */
export const RECENT_DAYS = 30;
const NEWEST_FALLBACK = 5;

/**
 * Picks the backup a drill restores: at random among the recent ones of every source, so over
 * the months every kind of copy — folder files, snapshots, the store's — gets tested, not only
 * the newest. `random` returns a number in [0, 1) (crypto-strong in the app; fixed in tests).
 */
export function pickDrillCandidate(
  candidates: readonly DrillCandidate[],
  now: Date,
  random: () => number,
): DrillCandidate | null {
  if (candidates.length === 0) return null;
  const cutoff = now.getTime() - RECENT_DAYS * 86_400_000;
  const recent = candidates.filter((c) => Date.parse(c.at) >= cutoff);
  const pool =
    recent.length > 0 ? recent : [...candidates].sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, NEWEST_FALLBACK);
  const index = Math.min(pool.length - 1, Math.floor(random() * pool.length));
  return pool[index] ?? null;
}
