import { expect, test, type Page } from '@playwright/test';
import { BACKUP_NAME, EMERGENCY_NAME, type BackupFile } from './helpers/backup-files';
import {
  dailyName,
  folderFiles,
  injectFolderFault,
  putFolderFiles,
  readFolderFile,
  setFolderPermission,
  installOpfsFolder,
} from './helpers/opfs-folder';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const DAY = 86_400_000;

/** Opens the app with the OPFS folder stand-in and chooses it as the backup folder. */
async function openWithFolder(page: Page): Promise<Sidebar> {
  await installOpfsFolder(page);
  await page.goto('/');
  const sidebar = new Sidebar(page);
  await sidebar.root.getByRole('button', { name: 'Choose backup folder' }).click();
  await expect(sidebar.root.getByRole('region', { name: 'Backup folder' })).toContainText(
    'ff2api_backups — backups are saved here',
  );
  return sidebar;
}

test('with a folder, backups are written into daily/ and emergency/, checked, and the folder retention keeps exactly what it should', async ({
  page,
}) => {
  // A fixed day, so that which month each file belongs to is known: Oct 13 and Oct 24 are October's.
  await page.clock.install({ time: new Date('2026-11-22T10:00:00Z') });
  const sidebar = await openWithFolder(page);
  const catalog = new Catalog(page);
  await catalog.createBrokerage(ACME);
  const now = new Date(await page.evaluate(() => Date.now()));
  const old = dailyName(new Date(now.getTime() - 40 * DAY));
  const recent = dailyName(new Date(now.getTime() - 29 * DAY));
  const nearMiss = old.replace('.json', ' (1).json');
  const oldEmergency = dailyName(new Date(now.getTime() - 100 * DAY), 'ff2api_emergency_backup');
  const recentEmergency = dailyName(new Date(now.getTime() - 60 * DAY), 'ff2api_emergency_backup');
  await putFolderFiles(page, 'daily', { [old]: '{}', [recent]: '{}', [nearMiss]: '{}', 'notes.txt': 'not ours' });
  await putFolderFiles(page, 'emergency', { [oldEmergency]: '{}', [recentEmergency]: '{}' });

  // No download: the file goes into the folder.
  let downloads = 0;
  page.on('download', () => downloads++);
  await sidebar.downloadBackupButton.click();
  await expect(sidebar.status(/saved in the backup folder and checked/)).toBeVisible();
  const daily = await folderFiles(page, 'daily');
  const written = daily.filter((name) => BACKUP_NAME.test(name) && name !== recent);
  expect(written).toHaveLength(1);
  const file = JSON.parse(await readFolderFile(page, 'daily', written[0] ?? '')) as BackupFile;
  expect(file.backup_info.format).toBe('ff2api_backup');
  expect(file.backup_info.checksum.value).toMatch(/^[0-9a-f]{64}$/);
  expect(file.brokerages.map((b) => b.name)).toEqual([ACME]);
  // Retention: the 40-day-old file went (after its month's copy went to archive/); exact names only.
  expect(daily).toEqual([written[0], recent, nearMiss, 'notes.txt'].sort());
  expect(await folderFiles(page, 'archive')).toEqual([old, written[0]].sort());
  expect(await folderFiles(page, 'emergency')).toEqual([recentEmergency]);
  await expect(sidebar.riskBanner).toContainText('Low risk');

  await sidebar.emergencyBackupButton.click();
  await expect(sidebar.status(/Emergency backup saved in the backup folder/)).toBeVisible();
  const emergency = await folderFiles(page, 'emergency');
  expect(emergency.filter((name) => EMERGENCY_NAME.test(name) && name !== recentEmergency)).toHaveLength(1);
  expect(downloads).toBe(0);
  await expect(sidebar.root.getByText(/^Backup health: Good/)).toBeVisible();
});

test('at 17:00 the daily file is written into the folder by itself', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T16:58:00Z') });
  const sidebar = await openWithFolder(page);
  await new Catalog(page).createBrokerage(ACME);
  expect(await folderFiles(page, 'daily')).toEqual([]);
  await page.clock.fastForward(3 * 60_000);
  await expect
    .poll(() => folderFiles(page, 'daily'))
    .toEqual([expect.stringMatching(/^ff2api_backup_20261123_170\d{3}\.json$/)]);
  const [name] = await folderFiles(page, 'daily');
  const file = JSON.parse(await readFolderFile(page, 'daily', name ?? '')) as BackupFile;
  expect(file.brokerages.map((b) => b.name)).toEqual([ACME]);
  await expect(sidebar.riskBanner).toContainText('Low risk');
  await expect(page.getByRole('region', { name: 'End of day backup' })).toBeHidden();
});

test('a folder write that fails half-way keeps the previous file, says so, and health turns Critical', async ({
  page,
}) => {
  const sidebar = await openWithFolder(page);
  await new Catalog(page).createBrokerage(ACME);
  await sidebar.downloadBackupButton.click();
  await expect(sidebar.status(/saved in the backup folder and checked/)).toBeVisible();
  const [previous] = await folderFiles(page, 'daily');
  const previousText = await readFolderFile(page, 'daily', previous ?? '');

  await page.clock.install();
  await page.clock.fastForward(5_000);
  await injectFolderFault(page, 'half-way');
  const [download] = await Promise.all([page.waitForEvent('download'), sidebar.downloadBackupButton.click()]);
  await expect(sidebar.alerts.filter({ hasText: 'could not be written into the backup folder' })).toContainText(
    'downloaded instead',
  );
  expect(download.suggestedFilename()).toMatch(BACKUP_NAME);
  // The earlier file is there, whole; the failed one left nothing behind.
  expect(await folderFiles(page, 'daily')).toEqual([previous]);
  expect(await readFolderFile(page, 'daily', previous ?? '')).toBe(previousText);
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();
});

test('a folder that disappeared and a full disk are shown, and nothing is lost', async ({ page }) => {
  const sidebar = await openWithFolder(page);
  await new Catalog(page).createBrokerage(ACME);
  await injectFolderFault(page, 'full');
  const [full] = await Promise.all([page.waitForEvent('download'), sidebar.downloadBackupButton.click()]);
  await expect(sidebar.alerts.filter({ hasText: 'disk holding the backup folder is full' })).toBeVisible();
  expect(full.suggestedFilename()).toMatch(BACKUP_NAME);

  await page.evaluate(async () =>
    (await navigator.storage.getDirectory()).removeEntry('ff2api_backups', { recursive: true }),
  );
  const [gone] = await Promise.all([page.waitForEvent('download'), sidebar.emergencyBackupButton.click()]);
  await expect(sidebar.alerts.filter({ hasText: 'is no longer there' })).toContainText('downloaded instead');
  expect(gone.suggestedFilename()).toMatch(EMERGENCY_NAME);
  await expect(sidebar.statusLine).toHaveText('1 brokerage, no configurations yet');
});

test('when the browser asks again, Reconnect backup folder brings the folder back; health warns meanwhile', async ({
  page,
}) => {
  await installOpfsFolder(page);
  await page.goto('/');
  const sidebar = new Sidebar(page);
  await sidebar.root.getByRole('button', { name: 'Choose backup folder' }).click();
  await new Catalog(page).createBrokerage(ACME);
  // After a restart, a kept handle usually answers "prompt" until a click allows it again.
  await setFolderPermission(page, 'prompt');
  await page.reload();
  const reconnect = sidebar.root.getByRole('button', { name: 'Reconnect backup folder' });
  await expect(reconnect).toBeVisible();
  await expect(sidebar.root.getByText(/^Backup health: Warning/)).toBeVisible();
  await setFolderPermission(page, 'granted');
  await reconnect.click();
  await expect(reconnect).toBeHidden();
  await expect(sidebar.root.getByText(/^Backup health: Good/)).toBeVisible();
});

test('without the File System Access API, backups are downloads and the sidebar says why', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showDirectoryPicker;
  });
  await page.goto('/');
  const sidebar = new Sidebar(page);
  await expect(sidebar.root.getByRole('region', { name: 'Backup folder' })).toContainText('needs Chrome or Edge');
  await expect(sidebar.root.getByRole('button', { name: 'Choose backup folder' })).toHaveCount(0);
  const download = await sidebar.downloadBackup();
  expect(download.suggestedFilename()).toMatch(BACKUP_NAME);
});

test('Restore latest from folder previews the newest file of daily/ and emergency/ and restores it', async ({
  page,
}) => {
  const sidebar = await openWithFolder(page);
  const catalog = new Catalog(page);
  await catalog.createBrokerage(ACME);
  await sidebar.emergencyBackupButton.click();
  await expect(sidebar.status(/saved in the backup folder/)).toBeVisible();
  await catalog.createBrokerage('Made later');
  await sidebar.root.getByRole('button', { name: 'Restore latest from folder' }).click();
  const folder = sidebar.root.getByRole('region', { name: 'Backup folder' });
  await expect(folder.getByRole('group', { name: 'Restore preview' })).toContainText(
    /ff2api_emergency_backup_\d{8}_\d{6}\.json/,
  );
  await folder.getByLabel('Type RESTORE to confirm').fill('RESTORE');
  await folder.getByRole('button', { name: 'Restore database' }).click();
  await expect(folder.getByRole('status')).toContainText('Database restored successfully!');
  await catalog.expectBrokerages([ACME]);
});
