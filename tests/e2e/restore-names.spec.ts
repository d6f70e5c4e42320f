import { expect, test, type Browser } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const ACME = 'Acme Freight, Inc.';

/** Another browser's backup: a brokerage and a configuration made there (ids 1, like Acme's here). */
async function otherBrowsersFile(
  browser: Browser,
  testInfo: Parameters<Parameters<typeof test>[2]>[1],
): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const catalog = new Catalog(page);
  await catalog.createBrokerage('Coastal Carriers');
  await catalog.createConfiguration({
    brokerage: 'Coastal Carriers',
    name: 'Main',
    authType: 'api_key',
    apiKey: 'ak-coastal',
  });
  const file = await keepDownload(await new Sidebar(page).downloadBackup(), testInfo);
  await context.close();
  return file;
}

// Issue 8's scenario: ids matched the two files' rows ("Update 1, Remove 0") and Acme vanished unnamed.
test('the Replace preview of another browser’s file names Acme and its configurations among the removals', async ({
  page,
  browser,
}, testInfo) => {
  const file = await otherBrowsersFile(browser, testInfo);
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({ brokerage: ACME, name: 'Daily loads', authType: 'api_key', apiKey: 'ak-1' });
  await catalog.createConfiguration({ brokerage: ACME, name: 'Weekly loads', authType: 'api_key', apiKey: 'ak-2' });

  await sidebar.restoreFrom(file);
  await sidebar.chooseMode('replace');
  await expect(sidebar.preview).toContainText(`Removes ${ACME} and its 2 configurations`);
  await expect(sidebar.preview).toContainText('Adds Coastal Carriers');
  const counts = await sidebar.previewCounts();
  // [in file, add, update, remove], matched by name.
  expect(counts['Brokerages']).toEqual([1, 1, 0, 1]);
  expect(counts['Configurations']).toEqual([1, 1, 0, 2]);
});

test('Merge of an older file says what it adds and never speaks of losing anything', async ({ page }, testInfo) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({ brokerage: ACME, name: 'Daily loads', authType: 'api_key', apiKey: 'ak-1' });
  const file = await keepDownload(await sidebar.downloadBackup(), testInfo);
  // Changes after the backup: the file is now older than the latest change here.
  await catalog.createBrokerage('Blue Line');
  await catalog.deleteConfiguration(ACME, 'Daily loads');

  await sidebar.restoreFrom(file);
  await sidebar.chooseMode('replace');
  // Replace warns, with its own button to back up first.
  await expect(sidebar.backUpFirst).toContainText(/Replacing undoes \d+ changes made here since/);
  await sidebar.chooseMode('merge');
  await expect(sidebar.preview).toContainText('Adds Daily loads (Acme Freight, Inc.)');
  await expect(sidebar.backUpFirst).toBeHidden();
  await expect(sidebar.restoreSection).not.toContainText(/\blos(e|t|ing)\b|undoes/i);
  await expect(sidebar.preview).not.toContainText('Removes');
});
