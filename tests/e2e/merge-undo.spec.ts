import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { ACME, BLUE_LINE } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

test('merge adds what is missing and deletes nothing; merging the same file twice changes nothing', async ({
  page,
}, testInfo) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: 'ak-acme-1111',
  });
  const download = await sidebar.downloadBackup();
  const file = await keepDownload(download, testInfo);

  // Since the backup: one more brokerage with a configuration, and one configuration deleted.
  await catalog.createBrokerage(BLUE_LINE);
  await catalog.createConfiguration({
    brokerage: BLUE_LINE,
    name: 'Standard',
    authType: 'bearer_token',
    bearerToken: 'bt-blue-2222',
  });
  await catalog.deleteConfiguration(ACME, 'Daily loads');
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 2 brokerages$/);

  for (const round of [1, 2]) {
    await test.step(`merge round ${round}`, async () => {
      await sidebar.restoreFrom(file);
      await sidebar.chooseMode('merge');
      const counts = await sidebar.previewCounts();
      // [in file, add, update, remove]
      expect(counts['Configurations']?.[1], 'configurations to add').toBe(round === 1 ? 1 : 0);
      expect(counts['Configurations']?.[3], 'merge removes nothing').toBe(0);
      expect(counts['Brokerages']?.[3], 'merge removes nothing').toBe(0);
      await sidebar.confirmRestore();
      await expect(sidebar.status(/restored/i)).toBeVisible();
      await expect(sidebar.statusLine).toHaveText(/^2 brokerage configs, 0 uploads · 2 brokerages$/);
      await catalog.expectConfigurations(ACME, ['Daily loads']);
      await catalog.expectConfigurations(BLUE_LINE, ['Standard']);
    });
  }

  await page.reload();
  await expect(sidebar.statusLine).toHaveText(/^2 brokerage configs, 0 uploads · 2 brokerages$/);
});

test('Undo restore brings back the database as it was before a replace, also after a reload', async ({
  page,
}, testInfo) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  const download = await sidebar.downloadBackup();
  const file = await keepDownload(download, testInfo);
  await catalog.createBrokerage(BLUE_LINE);
  await catalog.createConfiguration({
    brokerage: BLUE_LINE,
    name: 'Standard',
    authType: 'api_key',
    apiKey: 'ak-blue-3333',
  });

  await sidebar.restoreFrom(file);
  await sidebar.confirmRestore(); // replace, with RESTORE typed
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await catalog.expectBrokerages([ACME]);

  // The undo survives a reload (the snapshot is stored, not held by the page).
  await page.reload();
  await expect(sidebar.undoButton).toBeVisible();
  await sidebar.undo();
  await expect(sidebar.status(/undone/i)).toBeVisible();
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 2 brokerages$/);
  await catalog.expectBrokerages([ACME, BLUE_LINE]);
  await catalog.expectConfigurations(BLUE_LINE, ['Standard']);

  await page.reload();
  await catalog.expectBrokerages([ACME, BLUE_LINE]);
});
