import { defineConfig } from 'vitest/config';

// The engine at scale in Node (bench/scale/scale.test.ts): never part of `npm test`.
export default defineConfig({
  test: {
    root: `${__dirname}/../..`,
    include: ['bench/scale/*.test.ts'],
    environment: 'node',
    testTimeout: 60 * 60_000,
  },
});
