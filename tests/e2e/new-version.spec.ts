import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ACME } from './helpers/seed';
import { startStaticServer, type SwitchableServer } from './helpers/static-server';
import { Catalog } from './pages/catalog';

// A new deploy while a dispatcher has the app open: the service worker installs the new build,
// the app says so and offers Reload, and the page never reloads by itself.
let server: SwitchableServer;
let secondBuild: string;

test.beforeAll(async ({}, testInfo) => {
  secondBuild = testInfo.outputPath('second-build');
  execFileSync(process.execPath, ['tests/e2e/helpers/second-build.mjs', secondBuild], { stdio: 'inherit' });
  server = await startStaticServer(resolve('dist'));
});

test.afterAll(async () => {
  await server?.close();
});

test('a new build is announced with Reload, and the page reloads only when asked', async ({ page }) => {
  // Two service workers install (each precaching the whole build, wasm included) in one test: on the
  // loaded 2-core machine of the full suite this has taken past the default minute.
  test.slow();
  await page.clock.install();
  await page.goto(server.url);
  const catalog = new Catalog(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await catalog.createBrokerage(ACME);
  const prompt = page.getByRole('region', { name: 'New version' });
  await expect(prompt).toBeHidden();

  // A browser that ran the builds with the hand-written service worker still has its cache.
  await page.evaluate(async () => {
    await (await caches.open('ff2api-web-v1')).put('/old-asset.js', new Response('old'));
  });

  // The new build is deployed; the app checks for it every hour while it stays open.
  server.serve(secondBuild);
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });
  await catalog.brokerageNameInput.fill('Half-typed name');
  await page.clock.fastForward(61 * 60 * 1000);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('status')).toContainText('new version');

  // Installed and waiting: nothing reloads on its own, the half-typed name is still there.
  await page.clock.fastForward(5 * 60 * 1000);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await expect(catalog.brokerageNameInput).toHaveValue('Half-typed name');
  expect(await page.locator('meta[name="ff2api-build"]').count()).toBe(0);

  // Reload switches to the new build, with the data kept.
  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.locator('meta[name="ff2api-build"]')).toHaveAttribute('content', 'second');
  expect(
    await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage),
  ).toBeUndefined();
  await expect(catalog.brokerageButton(ACME)).toBeVisible();
  await expect(page.getByRole('region', { name: 'New version' })).toBeHidden();
  // The new service worker, once in charge, removed the old hand-written worker's cache.
  await expect.poll(() => page.evaluate(() => caches.has('ff2api-web-v1'))).toBe(false);
});
