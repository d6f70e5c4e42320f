import { expect, test } from '@playwright/test';
import { dailyName, putFolderFiles, readFolderFile, installOpfsFolder } from './helpers/opfs-folder';
import { ACME, BLUE_LINE } from './helpers/seed';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Drills as procedures: a recent backup picked at random, restored apart, compared with the live
// data, timed against the recovery-time target, and recorded — passed or failed.

test('a drill on the backup folder passes; one on a damaged file fails; both are recorded', async ({ page }) => {
  await installOpfsFolder(page);
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await sidebar.root.getByRole('button', { name: 'Choose backup folder' }).click();
  await catalog.createBrokerage(ACME);
  await sidebar.downloadBackupButton.click();
  await expect(sidebar.status(/saved in the backup folder and checked/)).toBeVisible();
  // A change after the backup: the drill explains it by the changes since.
  await catalog.createBrokerage(BLUE_LINE);

  await backups.open();
  const passed = await backups.runDrill('folder');
  await expect(passed).toHaveAttribute('role', 'status');
  await expect(passed).toContainText(/^Drill passed: ff2api_backup_\d{8}_\d{6}\.json/);
  await expect(passed).toContainText('Brokerages: 1 in the backup, 2 now — 1 added since.');
  await expect(passed).toBeFocused();
  await expect(backups.drillRows).toHaveCount(1);
  await expect(backups.drillRows.first()).toContainText('Backup folder');
  await expect(backups.drillRows.first()).toContainText('Passed');

  // The only file in the folder damaged, as a disk or a careless edit would leave it.
  const [name] = await page.evaluate(async () => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('ff2api_backups');
    const daily = await root.getDirectoryHandle('daily');
    const names: string[] = [];
    for await (const entry of (daily as unknown as { values(): AsyncIterable<FileSystemHandle> }).values())
      names.push(entry.name);
    return names;
  });
  const text = await readFolderFile(page, 'daily', name ?? dailyName(new Date()));
  await putFolderFiles(page, 'daily', { [name ?? '']: text.replace(ACME, 'Acme, Ltd.') });
  const failed = await backups.runDrill('folder');
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed).toContainText('Drill failed');
  await expect(failed).toContainText('The backup did not restore');
  await expect(backups.drillRows).toHaveCount(2);
  await expect(backups.drillRows.first()).toContainText('Failed: did not restore');
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();

  // Both are in the audit trail.
  await backups.auditTrail.getByLabel('What').selectOption({ label: 'Drills' });
  await expect(backups.auditTrail.getByRole('table')).toContainText('Drill failed');
  await expect(backups.auditTrail.getByRole('table')).toContainText('Drill passed');
});

test('the recovery-time target is a setting, 5 minutes by default, kept within its bounds', async ({ page }) => {
  await page.goto('/');
  const backups = new BackupsView(page);
  await new Catalog(page).createBrokerage(ACME);
  await backups.open();
  const target = backups.drills.getByLabel('Recovery-time target (minutes)');
  await expect(target).toHaveValue('5');
  await target.fill('0');
  await target.press('Enter');
  await expect(backups.drills.getByRole('alert')).toContainText('from 1 to 240');
  await expect(target).toHaveValue('5');
  await target.fill('15');
  await target.press('Enter');
  await backups.takeSnapshot();
  await expect(await backups.runDrill('snapshot')).toContainText('within the 15-minute target');
  await expect(backups.drillRows.first()).toContainText('(target 15 min)');
});
