import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Browser tests against the built app (`vite build --mode demo` first, the build whose policy lets
// the page reach the local demo load API; `npm run test:e2e` does both), served
// by `vite preview` on loopback and driven in Debian's Chromium — Playwright's own browser
// download does not work on these machines (see scripts/ensure-chromium.mjs).

// E2E_PORT moves the server off the default port (e.g. when 4173 is busy).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  // First: fail at once, saying what to run, when dist/ is a team build (no loopback in its policy).
  // Then the real S3 server (Ceph RGW) for the team-store tests: started once, stopped after only
  // when this run started it; its details reach the tests as S3_* environment variables. Absolute
  // paths: configs that extend this one from another folder (bench/) resolve them too.
  globalSetup: [
    fileURLToPath(new URL('./tests/e2e/helpers/demo-build-check.ts', import.meta.url)),
    fileURLToPath(new URL('./tests/support/playwright-s3-setup.ts', import.meta.url)),
  ],
  // Two cores: one worker per core at most, and tests inside a file run in order.
  fullyParallel: false,
  workers: 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    // Fixed locale and zone so file names and dates do not depend on the machine.
    locale: 'en-US',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // No branded channel (Google Chrome is not installed): Debian's Chromium at executablePath.
        channel: undefined,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
