import { expect, test } from '@playwright/test';
import { fileFrom, readDownload } from './helpers/backup-files';
import { ACME } from './helpers/seed';
import { AppLockPage } from './pages/app-lock';
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

test('offline after the first load, the parts that load on first use work too: restore, its preview, the forms', async ({
  page,
  context,
}) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const lock = new AppLockPage(page);
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await catalog.createBrokerage(ACME);
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage, no configurations yet/);

  // Nothing but the start has loaded yet: the backup writer, the restore engine, the preview
  // and the forms below come from the service worker's cache.
  await context.setOffline(true);
  await page.reload();
  const download = await sidebar.downloadBackup();
  await sidebar.restoreFrom(fileFrom(download.suggestedFilename(), await readDownload(download)));
  await expect(sidebar.preview).toContainText(download.suggestedFilename());
  await sidebar.confirmRestore();
  await expect(sidebar.status('Database restored successfully')).toBeVisible();
  await catalog.createConfiguration({ brokerage: ACME, name: 'Offline', authType: 'api_key', apiKey: 'ak-offline' });
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads/);
  await lock.controls.getByRole('button', { name: 'Lock with a passphrase' }).click();
  await expect(lock.controls.getByLabel('New passphrase')).toBeVisible();
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
});
