import { defineConfig } from 'vitest/config';

// The team database's speed in Node with real sql.js (bench/team-sync/team-sync-bench.test.ts):
// `npm run bench:team-sync`. Never part of `npm test`.
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['bench/team-sync/*.test.ts'],
    environment: 'node',
    testTimeout: 60 * 60_000,
  },
});
