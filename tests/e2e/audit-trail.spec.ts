import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { keepDownload } from './helpers/backup-files';
import { injectFolderFault, installOpfsFolder } from './helpers/opfs-folder';
import { ACME, BLUE_LINE } from './helpers/seed';
import { AppLockPage } from './pages/app-lock';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { downloadText } from './pages/process-file';
import { Sidebar } from './pages/sidebar';

// A complete audit trail: every backup, restore (failed ones too), undo, snapshot take, pin,
// unpin, delete, download, check, retention deletion, verification, drill, lock on and off,
// failed unlock and settings change, with who and when — in the view and in its CSV export.
const DAY = 86_400_000;
const PASSPHRASE = 'correct horse battery staple';

/** Every row of the trail's CSV export (header first), and its file name. */
async function exportedTrail(backups: BackupsView): Promise<{ name: string; rows: string[][] }> {
  const download = await backups.exportAuditCsv();
  const parsed = Papa.parse<string[]>((await downloadText(download)).trim(), { skipEmptyLines: true });
  return { name: download.suggestedFilename(), rows: parsed.data };
}

/** Opens the view's trail showing everything, and returns its entries' "what" texts. */
async function trailTexts(backups: BackupsView): Promise<string[]> {
  await backups.open();
  await expect(backups.auditTrail.getByRole('table')).toBeVisible();
  // Every entry on one page: show older ones until there are none.
  const older = backups.auditTrail.getByRole('button', { name: 'Show older entries' });
  while (await older.isVisible()) await older.click();
  return (await backups.auditEntries()).map(([, , what]) => what ?? '');
}

test('backups, restores (a failed one too), undo, snapshots, retention, checks, drills and settings: in the trail and its CSV', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await installOpfsFolder(page);
  await page.clock.install({ time: new Date('2026-12-08T09:00:00.000Z') });
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await sidebar.setOperatorName('Dana');
  await catalog.createBrokerage(ACME);

  // Backups: a download, then the folder — a checked write, and one that fails.
  const file = await keepDownload(await sidebar.downloadBackup(), testInfo);
  await sidebar.root.getByRole('button', { name: 'Choose backup folder' }).click();
  await sidebar.downloadBackupButton.click();
  await expect(sidebar.status(/saved in the backup folder and checked/)).toBeVisible();
  await injectFolderFault(page, 'full');
  await sidebar.downloadBackupButton.click();
  await expect(sidebar.alerts.filter({ hasText: 'full' })).toBeVisible();

  // A verification, and a restore that fails (the data changed under its preview), then one that works, and its undo.
  await sidebar.root.getByLabel('Verify a backup file').setInputFiles(file);
  await expect(sidebar.status(/^Verified/)).toBeVisible();
  await sidebar.restoreFrom(file);
  await expect(sidebar.preview).toBeVisible();
  await catalog.createBrokerage(BLUE_LINE);
  await sidebar.confirmRestore();
  await expect(sidebar.alerts.filter({ hasText: 'no longer current' })).toBeVisible();
  await sidebar.restoreFrom(file);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();
  await sidebar.undo();
  await expect(sidebar.status(/Restore undone/)).toBeVisible();

  // Snapshots: taken, pinned, unpinned, downloaded, checked again, deleted; a drill on one.
  await backups.open();
  await backups.takeSnapshot('first of two');
  await backups.takeSnapshot('second of two');
  const row = backups.rows.filter({ hasText: 'second of two' });
  await row.getByRole('button', { name: 'Pin' }).click();
  await expect(row.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await row.getByRole('button', { name: 'Unpin' }).click();
  await expect(row.getByRole('button', { name: 'Pin' })).toBeVisible();
  await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download' }).click()]);
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(backups.snapshots.getByRole('status').filter({ hasText: /verified/i })).toBeVisible();
  await backups.takeSnapshot('to delete');
  await backups.rows.filter({ hasText: 'to delete' }).getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Delete/ })
    .click();
  await expect(backups.rows.filter({ hasText: 'to delete' })).toHaveCount(0);
  await expect(await backups.runDrill('snapshot')).toContainText('Drill passed');

  // Settings: end of day and retention.
  const endOfDay = page.getByRole('region', { name: 'Backup schedule' }).getByLabel('End of day');
  await endOfDay.fill('18:30');
  await endOfDay.press('Enter');
  const retention = page.getByRole('region', { name: 'Snapshot retention' });
  await retention.getByLabel('Hourly snapshots, days').fill('3');
  await retention.getByRole('button', { name: 'Save retention' }).click();
  await expect(retention.getByRole('status')).toContainText('Saved');

  // Two days on, a new snapshot: retention deletes the first of the two (the second keeps its hour).
  await page.clock.fastForward(2 * DAY);
  await backups.takeSnapshot('two days later');
  await expect(backups.rows.filter({ hasText: 'first of two' })).toHaveCount(0);

  const texts = await trailTexts(backups);
  const expected = [
    /^Backup downloaded: ff2api_backup_/,
    /^Backup written to the backup folder and checked: daily\//,
    /^Backup into the backup folder failed/,
    /^Verified ff2api_backup_/,
    /^Restore failed: ff2api_backup_.*no longer current/,
    /^Replaced the database with ff2api_backup_/,
    /^Undid the restore of ff2api_backup_/,
    /^Snapshot taken: Before restore/,
    /^Snapshot taken: Manual — “first of two”/,
    /^Snapshot pinned: snapshot of/,
    /^Snapshot unpinned: snapshot of/,
    /^Snapshot downloaded as ff2api_backup_/,
    /^Snapshot checked again: .* — Verified/,
    /^Snapshot deleted: snapshot of/,
    /^Snapshot retention deleted a snapshot past the retention policy/,
    /^Drill passed: snapshot of/,
    /^Settings changed: End of day: 17:00 → 18:30/,
    /^Settings changed: Hourly snapshots kept: 7 days → 3 days/,
    /^Settings changed: Your name: \(none\) → Dana/,
  ];
  for (const pattern of expected)
    expect(
      texts.some((text) => pattern.test(text)),
      `${pattern}\n${texts.join('\n')}`,
    ).toBe(true);

  // Who and when: Dana's actions name her; what the app did by itself says so.
  const entries = await backups.auditEntries();
  expect(entries.find(([, , what]) => what?.startsWith('Drill passed'))?.[1]).toBe('Dana');
  expect(entries.find(([, , what]) => what?.startsWith('Snapshot retention deleted'))?.[1]).toBe('FF2API (automatic)');

  // The CSV holds the same entries, formula-safe, named for the local time.
  const csv = await exportedTrail(backups);
  expect(csv.name).toMatch(/^ff2api_audit_\d{8}_\d{6}\.csv$/);
  expect(csv.rows[0]).toEqual(['Time (UTC)', 'Local time', 'Who', 'What', 'Kind', 'Outcome', 'Written in']);
  const whats = csv.rows.slice(1).map((r) => r[3] ?? '');
  for (const pattern of expected)
    expect(
      whats.some((text) => pattern.test(text)),
      String(pattern),
    ).toBe(true);
  expect(
    csv.rows
      .slice(1)
      .filter((r) => r[5] === 'failed')
      .map((r) => r[4])
      .sort(),
  ).toEqual(['backup', 'restore']);

  // Filters: only failures; nothing in the view edits an entry.
  await backups.auditTrail.getByLabel('Only failures').check();
  await expect(
    backups.auditTrail
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('cell') }),
  ).toHaveCount(2);
  await expect(backups.auditTrail.getByRole('textbox', { name: /edit/i })).toHaveCount(0);
});

test('lock on, a failed unlock, unlock and lock off: in the trail and its CSV', async ({ page }) => {
  await page.goto('/');
  const lock = new AppLockPage(page);
  const backups = new BackupsView(page);
  await new Catalog(page).createBrokerage(ACME);
  await lock.turnOn(PASSPHRASE);
  await expect(lock.controls.getByRole('status')).toContainText('The app lock is on');
  await lock.lockNow();
  await lock.tryUnlock('not the passphrase at all');
  await expect(page.getByRole('alert')).toBeVisible();
  await lock.unlock(PASSPHRASE);
  const off = (await lock.openSettings()).getByRole('form', { name: 'Turn off lock' });
  await off.getByLabel('Passphrase to turn the lock off').fill(PASSPHRASE);
  await off.getByRole('button', { name: 'Turn off lock' }).click();
  await expect(lock.controls.getByRole('button', { name: 'Lock with a passphrase' })).toBeVisible();

  const texts = await trailTexts(backups);
  const expected = [
    /^App lock turned on/,
    /^App locked/,
    /^Failed unlock: a wrong passphrase was given/,
    /^App unlocked/,
    /^App lock turned off/,
  ];
  for (const pattern of expected)
    expect(
      texts.some((text) => pattern.test(text)),
      `${pattern}\n${texts.join('\n')}`,
    ).toBe(true);
  const csv = await exportedTrail(backups);
  const failed = csv.rows.filter((r) => r[5] === 'failed');
  expect(failed.map((r) => r[3])).toEqual(['Failed unlock: a wrong passphrase was given']);
});
