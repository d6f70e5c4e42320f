import { expect, test } from '@playwright/test';
import { EMERGENCY_NAME, keepDownload, readBackup } from './helpers/backup-files';
import { ACME, BLUE_LINE } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { clickForDownload, Sidebar } from './pages/sidebar';

// Issue 8: "Acme Freight, Inc." exists only in this browser; replacing with another file would
// remove it. The warning itself offers the backup, and the restore still goes through after it.
test('replacing unsaved data offers "Download a backup first" in the warning, then restores', async ({
  page,
  browser,
}, testInfo) => {
  // Another browser makes the file to restore: Blue Line only.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/');
  await new Catalog(other).createBrokerage(BLUE_LINE);
  const file = await keepDownload(await new Sidebar(other).downloadBackup(), testInfo);
  await otherContext.close();

  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await sidebar.restoreFrom(file);
  const warning = sidebar.backUpFirst;
  await expect(warning).toContainText('Save a backup of what is here now first');

  const download = await clickForDownload(page, warning.getByRole('button', { name: 'Download a backup first' }));
  expect(download.suggestedFilename()).toMatch(EMERGENCY_NAME);
  const saved = await readBackup(download);
  expect(saved.brokerages.map((b) => b.name)).toEqual([ACME]);
  await expect(warning.getByRole('status')).toContainText('safe in that file');
  await expect(warning.getByRole('button', { name: 'Download a backup first' })).toHaveCount(0);

  // The preview is still valid: the restore goes through.
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();
  await catalog.expectBrokerages([BLUE_LINE]);
});

test('a Merge or a restore into an empty database shows no back-up-first warning', async ({ page }) => {
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await sidebar.restoreFrom('tests/fixtures/e2e/ff2api_backup_20261122_004303.json');
  await expect(sidebar.preview).toBeVisible();
  await expect(sidebar.backUpFirst).toHaveCount(0);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();

  await new Catalog(page).createBrokerage(ACME);
  await sidebar.restoreFrom('tests/fixtures/e2e/ff2api_backup_20261122_004303.json');
  await expect(sidebar.backUpFirst).toBeVisible();
  await sidebar.chooseMode('merge');
  await expect(sidebar.backUpFirst).toHaveCount(0);
});
