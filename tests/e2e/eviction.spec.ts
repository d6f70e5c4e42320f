import { expect, test, type Page, type BrowserContext } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { folderFiles, installOpfsFolder } from './helpers/opfs-folder';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

/** What a browser evicting the origin's IndexedDB does (it keeps localStorage, and here OPFS). */
async function clearIndexedDb(page: Page, context: BrowserContext): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
}

test('when the browser deleted the database, the app says so, names the last backup file, and restores from it', async ({
  page,
  context,
}, testInfo) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: 'ak-acme-1111',
  });
  const download = await sidebar.downloadBackup();
  const path = await keepDownload(download, testInfo);
  // As a user would, wait for the app to say the backup is made (it is then recorded).
  await expect(sidebar.status(/Backup ready/)).toBeVisible();

  await clearIndexedDb(page, context);
  await page.reload();
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('This browser deleted the app’s data');
  await expect(alert).toContainText(download.suggestedFilename());
  await expect(sidebar.statusLine).toHaveText('Database is empty');

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    alert.getByRole('button', { name: 'Restore from backup' }).click(),
  ]);
  await chooser.setFiles(path);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 1 brokerage$/);
  await expect(alert).toBeHidden();
});

test('after an eviction the folder is chosen again, and the latest file in it restores', async ({ page, context }) => {
  await installOpfsFolder(page);
  await page.goto('/');
  const sidebar = new Sidebar(page);
  await sidebar.root.getByRole('button', { name: 'Choose backup folder' }).click();
  await new Catalog(page).createBrokerage(ACME);
  await sidebar.downloadBackupButton.click();
  await expect(sidebar.status(/saved in the backup folder and checked/)).toBeVisible();
  const [written] = await folderFiles(page, 'daily');

  await clearIndexedDb(page, context);
  await page.reload();
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText(written ?? 'no file');
  await expect(alert).toContainText('backup folder');
  // The folder's handle was in the deleted storage: choose it again.
  await expect(sidebar.root.getByRole('button', { name: 'Restore latest from folder' })).toHaveCount(0);
  await alert.getByRole('button', { name: 'Choose backup folder' }).click();
  await sidebar.root.getByRole('button', { name: 'Restore latest from folder' }).click();
  const folder = sidebar.root.getByRole('region', { name: 'Backup folder' });
  await expect(folder.getByRole('group', { name: 'Restore preview' })).toContainText(written ?? 'no file');
  await folder.getByRole('button', { name: 'Restore database' }).click();
  await expect(folder.getByRole('status')).toContainText('Database restored successfully!');
  await expect(sidebar.statusLine).toHaveText('1 brokerage, no configurations yet');
  await expect(alert).toBeHidden();
});

test('a first visit with no data never shows the eviction alert', async ({ page }) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  await expect(sidebar.statusLine).toHaveText('Database is empty');
  await page.reload();
  await expect(sidebar.statusLine).toHaveText('Database is empty');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});
