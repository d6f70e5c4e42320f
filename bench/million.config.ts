import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// The 1,000,000-upload drive (bench/e2e/million.spec.ts), run by `npm run bench -- --full` or
// `npx playwright test -c bench/million.config.ts`: the e2e settings and server, its own folder,
// so `npm test` never runs it.
export default defineConfig({
  ...base,
  testDir: 'e2e',
  timeout: 60 * 60_000,
  workers: 1,
  retries: 0,
  // The drive restores and backs up files only: a team build in dist/ (what million.mjs builds) is right.
  globalSetup: undefined,
  // The app's server from the repository's root (here, vite would find the bench page's config).
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: '..' } : base.webServer,
});
