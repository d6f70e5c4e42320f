import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import {
  describeSplit,
  JS_AT_START_BUDGET_BYTES,
  observeStartScripts,
  splitShippedJs,
  staticStartScripts,
} from '../../bench/node/js-shipped.mjs';

// The build `npm run test:e2e` makes and the webServer serves (playwright.config.ts).
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

test('the JavaScript the app loads at start (page + database worker) stays within 150 kB gzip', async ({
  browser,
  baseURL,
}, testInfo) => {
  const observed = await observeStartScripts(browser, baseURL ?? '/');
  // The server must serve this build, or the sizes below would be another build's.
  expect(
    observed.filter((name) => !existsSync(join(DIST, 'assets', name))),
    'scripts not in dist/: the server on E2E_PORT serves another build',
  ).toEqual([]);
  // What the build itself says loads at start (entry, preloads, the database worker) was seen:
  // the observation missed nothing of the page or the worker.
  const expected = staticStartScripts(DIST);
  expect(expected.some((name) => name.startsWith('db.worker-'))).toBe(true);
  expect(observed).toEqual(expect.arrayContaining(expected));

  const split = splitShippedJs(join(DIST, 'assets'), observed);
  await testInfo.attach('js-shipped.txt', { body: describeSplit(split), contentType: 'text/plain' });
  expect(split.atStart.totalBytes, describeSplit(split)).toBeLessThanOrEqual(JS_AT_START_BUDGET_BYTES);
  // The rarely used parts (restore engine, backup writer, file processing, panels) stay lazy.
  expect(split.lazy.totalBytes).toBeGreaterThan(50_000);
});
