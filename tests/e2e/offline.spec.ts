import { expect, test } from '@playwright/test';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

test('after the first load the app starts offline, with its data', async ({ page, context }) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  // The service worker caches the whole build on install; wait until it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({ brokerage: ACME, name: 'Main', authType: 'api_key', apiKey: 'ak-offline' });
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads/);

  await context.setOffline(true);
  await page.reload();
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads/);
  await catalog.expectConfigurations(ACME, ['Main']);
  // Backups need no network either.
  const download = await sidebar.downloadBackup();
  expect(download.suggestedFilename()).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json$/);
});
