import { expect, test } from '@playwright/test';
import { fileFrom, keepDownload, readDownload } from './helpers/backup-files';
import { ACME } from './helpers/seed';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Backup health tells the truth and only the truth: a file that is not a backup is that file's
// result, never the health of the backups; a Critical names what clears it, and doing that clears it.
const HOUR = 3_600_000;

test('verifying a file that is not a backup says so where it was chosen, and leaves health as it was', async ({
  page,
}) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const backups = new BackupsView(page);
  await new Catalog(page).createBrokerage(ACME);
  await sidebar.downloadBackup();
  await expect(sidebar.status(/^Backup ready/)).toBeVisible();
  await backups.open();
  // The level, the findings (none) and what they say: the judgement, not the storage figures.
  const judgement = () => backups.health.locator('h2, .notice').allInnerTexts();
  const before = await judgement();
  expect(before[0]).toBe('Backup health: Good');
  await expect(sidebar.root.getByText(/^Backup health: Good/)).toBeVisible();
  // The picker offers compressed backups too.
  await expect(sidebar.root.getByLabel('Verify a backup file')).toHaveAttribute('accept', /\.gz/);

  for (const file of [
    fileFrom('loads.csv', 'Load Number,Mode\nLD-1,FTL\n', 'text/csv'),
    fileFrom('notes.json', '{"todo":["call Dana"]}'),
    fileFrom('photo.jpg', '\u00ff\u00d8\u00ff\u00e0 not a backup', 'image/jpeg'),
  ]) {
    await sidebar.root.getByLabel('Verify a backup file').setInputFiles(file);
    const result = sidebar.alerts.filter({ hasText: `${file.name} failed verification` });
    await expect(result).toContainText('Backup health is not affected: this file is not a backup.');
    // The result is where the user acted, and has the focus.
    await expect(result).toBeFocused();
    await expect(sidebar.root.getByText(/^Backup health: Good/)).toBeVisible();
  }
  expect(await judgement()).toEqual(before);
});

test('a Critical names what clears it; doing exactly that from its button clears it', async ({ page }, testInfo) => {
  await page.clock.install();
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const backups = new BackupsView(page);
  const health = sidebar.root.getByText(/^Backup health: (Good|Warning|Critical)/);
  await new Catalog(page).createBrokerage(ACME);
  const download = await sidebar.downloadBackup();
  await keepDownload(download, testInfo);

  // A backup that does not restore (changed after it was written): Critical, with what clears it.
  const edited = (await readDownload(download)).toString('utf8').replace(ACME, 'Acme, Ltd.');
  await sidebar.root.getByLabel('Verify a backup file').setInputFiles(fileFrom(download.suggestedFilename(), edited));
  await expect(sidebar.alerts.filter({ hasText: 'failed verification' })).toBeVisible();
  await expect(health).toHaveText(/^Backup health: Critical/);
  await backups.open();
  const finding = backups.health.getByRole('listitem').filter({ hasText: 'found a backup that does not restore' });
  await expect(finding).toContainText('A new backup file clears this (press “Download backup”)');
  // The finding's button takes the user to the control that does it; pressing that clears it.
  await finding.getByRole('button', { name: 'Download backup' }).click();
  await expect(sidebar.downloadBackupButton).toBeFocused();
  const [fresh] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(fresh.suggestedFilename()).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json$/);
  await expect(health).toHaveText(/^Backup health: Good/);
  await expect(backups.health.getByRole('listitem')).toHaveCount(0);

  // 25 hours of a change in no backup file: Critical again; its own button clears it the same way.
  await new Catalog(page).showView('Brokerages');
  await new Catalog(page).createBrokerage('Blue Line Freight');
  await page.clock.fastForward(25 * HOUR);
  await page.clock.runFor(61_000);
  await expect(health).toHaveText(/^Backup health: Critical/);
  await backups.open();
  const overdue = backups.health.getByRole('listitem').filter({ hasText: 'in no backup file for 24 hours' });
  await expect(overdue).toContainText('A backup file clears this at once');
  await overdue.getByRole('button', { name: 'Download backup' }).click();
  await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await expect(health).toHaveText(/^Backup health: Good/);
});

test('the browser deleting the data: the alert, health and banners agree until the restore clears it', async ({
  page,
  context,
}, testInfo) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  await new Catalog(page).createBrokerage(ACME);
  const file = await keepDownload(await sidebar.downloadBackup(), testInfo);
  await expect(sidebar.status(/^Backup ready/)).toBeVisible();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
  await page.reload();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This browser deleted the app’s data');
  // No "Low risk", no "Good" beside the alert.
  await expect(sidebar.riskBanner).toContainText('Critical risk');
  await expect(sidebar.riskBanner).toContainText('restore your latest backup file');
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();
  await expect(sidebar.root).not.toContainText('Low risk');

  await sidebar.restoreFrom(file);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();
  await expect(sidebar.root.getByText(/^Backup health: Good/)).toBeVisible();
  await expect(sidebar.riskBanner).toContainText('Low risk');
});
