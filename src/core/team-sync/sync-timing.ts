/**
 * How often a visible page asks the team store for teammates' changes. A change arrives within one
 * interval plus the writer's push and the pull (about 1 s): at 5 s `npm run bench` measured a
 * 3.1 s median and 5.2 s at most, inside "within 10 s, median ≤ 5 s"; 9 s measured a 5.8 s median.
 * Each tick is one LIST: the cost of the interval is in docs/team-sync.md (bench/team-sync counts it).
 */
export const SYNC_EVERY_MS = 5_000;
