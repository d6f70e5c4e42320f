import { defineConfig } from 'vitest/config';

// The team store's speed against the real S3 server (bench/team-store/store-bench.test.ts):
// `npx vitest run --config bench/team-store/store-bench.config.ts`. Never part of `npm test`.
export default defineConfig({
  test: {
    root: `${__dirname}/../..`,
    include: ['bench/team-store/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/s3-global-setup.ts'],
    testTimeout: 30 * 60_000,
  },
});
