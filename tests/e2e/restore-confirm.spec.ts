import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { ACME, BLUE_LINE } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

test('replacing a database that has data needs RESTORE typed first', async ({ page }, testInfo) => {
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

  // Work done after the backup: replacing with the older file would remove it.
  await catalog.createBrokerage(BLUE_LINE);
  await expect(sidebar.statusLine).toContainText('2 brokerages');

  await sidebar.restoreFrom(file);
  await expect(sidebar.preview).toBeVisible();
  await expect(sidebar.root.getByRole('radio', { name: /^Replace/ })).toBeChecked();
  await expect(sidebar.confirmBox).toBeVisible();
  await expect(sidebar.restoreButton).toBeDisabled();

  await sidebar.confirmBox.fill('restore');
  await expect(sidebar.restoreButton, 'lower case is not the word').toBeDisabled();
  await sidebar.confirmBox.fill('RESTOR');
  await expect(sidebar.restoreButton).toBeDisabled();

  // Merge deletes nothing, so it needs no typed word.
  await sidebar.chooseMode('merge');
  await expect(sidebar.confirmBox).toBeHidden();
  await expect(sidebar.restoreButton).toBeEnabled();
  await sidebar.chooseMode('replace');
  await expect(sidebar.restoreButton).toBeDisabled();

  // Nothing changed while the form was open.
  await catalog.expectBrokerages([ACME, BLUE_LINE]);

  await sidebar.confirmBox.fill('RESTORE');
  await expect(sidebar.restoreButton).toBeEnabled();
  await sidebar.restoreButton.click();
  await expect(sidebar.status(/restored/i)).toBeVisible();

  // Replace: the database is exactly the file — the brokerage made later is gone.
  await expect(catalog.brokerageItems).toHaveCount(1);
  await catalog.expectBrokerages([ACME]);
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 1 brokerage$/);
  await page.reload();
  await catalog.expectBrokerages([ACME]);
});

test('Cancel leaves the restore without changing anything', async ({ page }, testInfo) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  const download = await sidebar.downloadBackup();
  const file = await keepDownload(download, testInfo);
  await catalog.createBrokerage(BLUE_LINE);

  await sidebar.restoreFrom(file);
  await expect(sidebar.preview).toBeVisible();
  await sidebar.restoreSection.getByRole('button', { name: 'Cancel' }).click();
  await expect(sidebar.preview).toBeHidden();
  await catalog.expectBrokerages([ACME, BLUE_LINE]);
  await page.reload();
  await catalog.expectBrokerages([ACME, BLUE_LINE]);
});
