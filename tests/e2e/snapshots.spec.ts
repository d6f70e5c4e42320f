import { expect, test } from '@playwright/test';
import { BACKUP_NAME, keepDownload, readBackup } from './helpers/backup-files';
import { ACME, BLUE_LINE } from './helpers/seed';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { clickForDownload, Sidebar } from './pages/sidebar';

const MINUTE = 60_000;

test('a change, 31 minutes later: an After changes snapshot exists and is Verified', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await catalog.createBrokerage(ACME);
  await page.clock.fastForward(31 * MINUTE);
  await backups.open();
  const row = backups.rowsOf('After changes');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Verified');
  await expect(row).toContainText('kept: newest');
});

test('restoring a snapshot gives back its data; the restore first keeps a Before restore snapshot', async ({
  page,
}) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: 'ak-acme-1111',
  });
  await backups.open();
  await backups.takeSnapshot('one configuration');
  await catalog.showView('Brokerages');
  await catalog.createBrokerage(BLUE_LINE);
  await catalog.createConfiguration({
    brokerage: BLUE_LINE,
    name: 'Standard',
    authType: 'api_key',
    apiKey: 'ak-blue-3333',
  });
  await expect(sidebar.statusLine).toHaveText(/^2 brokerage configs, 0 uploads · 2 brokerages$/);

  await backups.open();
  await backups.restore(backups.rows.filter({ hasText: 'one configuration' }));
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 1 brokerage$/);
  const before = backups.rowsOf('Before restore');
  await expect(before).toHaveCount(1);
  await expect(before).toContainText('2 configs');
  await expect(before).toContainText('Verified');
  await expect(before).toContainText(/kept: .*pinned/);
  await catalog.showView('Brokerages');
  await catalog.expectBrokerages([ACME]);
});

test('a downloaded snapshot is a normal backup file that restores in a fresh browser profile', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/');
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: 'ak-acme-1111',
  });
  await backups.open();
  await backups.takeSnapshot();
  const download = await clickForDownload(page, backups.rows.first().getByRole('button', { name: 'Download' }));
  expect(download.suggestedFilename()).toMatch(BACKUP_NAME);
  const file = await readBackup(download);
  expect(file.brokerage_configurations.map((c) => c.configuration_name)).toEqual(['Daily loads']);
  const path = await keepDownload(download, testInfo);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  const otherSidebar = new Sidebar(other);
  await expect(otherSidebar.statusLine).toHaveText('Database is empty');
  await otherSidebar.restoreFrom(path);
  await otherSidebar.confirmRestore();
  await expect(otherSidebar.status(/restored successfully/i)).toBeVisible();
  await expect(otherSidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 1 brokerage$/);
  await fresh.close();
});

test('undo after a later change warns what is lost, confirms, and can itself be undone', async ({ page }, testInfo) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await catalog.createBrokerage(ACME);
  const file = await keepDownload(await sidebar.downloadBackup(), testInfo);
  await catalog.createBrokerage(BLUE_LINE);
  await sidebar.restoreFrom(file);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();
  await catalog.expectBrokerages([ACME]);
  // A change after the restore: undoing the restore loses it, and the dialog says so.
  await catalog.createBrokerage('Made after the restore');

  await sidebar.undoButton.click();
  const dialog = sidebar.undoDialog;
  await expect(dialog).toContainText(/undoes the restore of ff2api_backup_\d{8}_\d{6}\.json/);
  await expect(dialog).toContainText('Changes made since then will be lost');
  await expect(dialog).toContainText('Brokerage “Made after the restore” added');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await catalog.expectBrokerages([ACME, 'Made after the restore']);

  await sidebar.undo();
  await expect(sidebar.status(/Restore undone/)).toBeVisible();
  await catalog.expectBrokerages([ACME, BLUE_LINE]);

  // The undo kept a Before undo snapshot: undoing the undo brings the restored data back.
  await sidebar.undoButton.click();
  await expect(dialog).toContainText('Undo the undo?');
  await dialog.getByRole('button', { name: 'Undo restore' }).click();
  await expect(sidebar.status(/Restore undone/)).toBeVisible();
  await catalog.expectBrokerages([ACME, 'Made after the restore']);
  const backups = new BackupsView(page);
  await backups.open();
  await expect(backups.rowsOf('Before undo')).toHaveCount(2);
});

test('a corrupted snapshot fails verification, is never offered for restore, and the others still restore', async ({
  page,
}) => {
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await catalog.createBrokerage(ACME);
  await backups.open();
  await backups.takeSnapshot('good');
  await catalog.showView('Brokerages');
  await catalog.createBrokerage(BLUE_LINE);
  await backups.open();
  await backups.takeSnapshot('to be damaged');

  // Flip bytes in the middle of the stored record, as a failing disk would.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ff2api-web-snapshots');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const manifests = await new Promise<{ id: string; note: string | null }[]>((resolve) => {
      const req = db.transaction('manifests').objectStore('manifests').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    const id = manifests.find((m) => m.note === 'to be damaged')?.id;
    if (!id) throw new Error('no snapshot to damage');
    const blob = await new Promise<Blob>((resolve) => {
      const req = db.transaction('bytes').objectStore('bytes').get(id);
      req.onsuccess = () => resolve(req.result);
    });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 8; i++)
      bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('bytes', 'readwrite');
      tx.objectStore('bytes').put(new Blob([bytes]), id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });

  const damaged = backups.rows.filter({ hasText: 'to be damaged' });
  await damaged.getByRole('button', { name: 'Verify' }).click();
  await expect(damaged).toContainText('Verification failed');
  await expect(damaged.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
  await expect(damaged.getByRole('button', { name: 'Download' })).toBeDisabled();
  await expect(backups.snapshots.getByRole('alert')).toContainText('did not pass its check');
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();

  await backups.restore(backups.rows.filter({ hasText: 'good' }));
  await expect(sidebar.statusLine).toHaveText('1 brokerage, no configurations yet');
});
