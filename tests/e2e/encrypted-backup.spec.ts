import { expect, test } from '@playwright/test';
import { BACKUP_NAME, keepDownload, readDownload } from './helpers/backup-files';
import { ACME, CONFIGURATIONS, seedCatalog } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const PASSPHRASE = 'correct horse battery staple';

test('an encrypted backup hides the credentials and restores only with the right passphrase', async ({
  page,
  browser,
}, testInfo) => {
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await seedCatalog(new Catalog(page));

  await sidebar.chooseSecrets('encrypted', PASSPHRASE);
  const download = await sidebar.downloadBackup();
  expect(download.suggestedFilename()).toMatch(BACKUP_NAME);
  const bytes = await readDownload(download);
  const text = bytes.toString('utf8');
  // The envelope stays readable; no secret and no name appears in clear.
  const envelope = JSON.parse(text) as { backup_info: { format: string; secrets: string } };
  expect(envelope.backup_info.format).toBe('ff2api_backup');
  expect(envelope.backup_info.secrets).toBe('encrypted');
  for (const configuration of CONFIGURATIONS) {
    const secret = 'apiKey' in configuration ? configuration.apiKey : configuration.bearerToken;
    expect(text, `${configuration.name}'s credential is not in clear`).not.toContain(secret);
  }
  const file = await keepDownload(download, testInfo);

  // Another browser (empty storage) restores it.
  const context = await browser.newContext();
  const other = await context.newPage();
  const otherSidebar = new Sidebar(other);
  await other.goto('/');
  await otherSidebar.restoreFrom(file);
  await expect(otherSidebar.restorePassphrase).toBeVisible();
  // Nothing to restore until the file is unlocked.
  await expect(otherSidebar.restoreButton).toHaveCount(0);

  await otherSidebar.restorePassphrase.fill('wrong passphrase, sorry');
  await otherSidebar.unlockButton.click();
  const message = await otherSidebar.alertText();
  expect(message).toMatch(/passphrase/i);
  expect(await otherSidebar.statusText()).toBe('Database is empty');

  // The file is kept: the right passphrase (Enter unlocks) opens the preview, then the restore.
  await expect(otherSidebar.restorePassphrase).toBeVisible();
  await otherSidebar.restorePassphrase.fill(PASSPHRASE);
  // Typing again clears the stale "wrong passphrase" alert.
  await expect(otherSidebar.alerts).toHaveCount(0);
  await otherSidebar.restorePassphrase.press('Enter');
  await expect(otherSidebar.restorePassphrase).toBeHidden();
  await expect(otherSidebar.alerts).toHaveCount(0);
  expect((await otherSidebar.previewCounts())['Configurations']?.[0]).toBe(3);
  await otherSidebar.confirmRestore();
  await expect(otherSidebar.status(/restored/i)).toBeVisible();
  await expect(otherSidebar.statusLine).toHaveText(/^3 brokerage configs, 0 uploads/);
  const otherCatalog = new Catalog(other);
  await otherCatalog.expectConfigurations(ACME, ['Daily loads', 'Weekly (bulk) loads']);
  await context.close();
});

test('a backup made without credentials restores configurations marked "Needs credentials"', async ({
  page,
  browser,
}, testInfo) => {
  const sidebar = new Sidebar(page);
  await page.goto('/');
  const catalog = new Catalog(page);
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: 'ak-acme-1111',
  });

  await sidebar.chooseSecrets('omitted');
  const download = await sidebar.downloadBackup();
  const text = (await readDownload(download)).toString('utf8');
  expect(text).not.toContain('ak-acme-1111');
  const file = await keepDownload(download, testInfo);

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/');
  const otherSidebar = new Sidebar(other);
  await otherSidebar.restoreFrom(file);
  await expect(otherSidebar.preview).toContainText('no API keys');
  await otherSidebar.confirmRestore();
  await expect(otherSidebar.status(/restored/i)).toBeVisible();
  const otherCatalog = new Catalog(other);
  await otherCatalog.expectConfigurations(ACME, ['Daily loads']);
  await expect(otherCatalog.configurationList(ACME)).toContainText('Needs credentials');
  await context.close();
});
