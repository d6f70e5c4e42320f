import { expect, test } from '@playwright/test';
import { fileFrom, keepDownload, readDownload } from './helpers/backup-files';
import { ACME, BLUE_LINE } from './helpers/seed';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const HOUR = 3_600_000;

test('25 hours after a change without a backup file, Backup health turns Critical; a backup makes it Good', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const health = sidebar.root.getByText(/^Backup health: (Good|Warning|Critical)/);
  await new Catalog(page).createBrokerage(ACME);
  await expect(health).toHaveText(/^Backup health: Good/);
  await page.clock.fastForward(23 * HOUR);
  await page.clock.runFor(61_000);
  await expect(health).toHaveText(/^Backup health: Good/);
  await page.clock.fastForward(2 * HOUR);
  await page.clock.runFor(61_000);
  await expect(health).toHaveText(/^Backup health: Critical/);
  const backups = new BackupsView(page);
  await backups.open();
  await expect(backups.health).toContainText('Changes have been in no backup file for 24 hours or more');
  await expect(backups.health).toContainText('No copy outside this browser yet');
  await sidebar.downloadBackup();
  await expect(health).toHaveText(/^Backup health: Good/);
  await expect(backups.health).toContainText(/Recovery point now.*ff2api_backup_\d{8}_\d{6}\.json \(downloads/);
});

test('Verify a backup file checks it in a scratch database, reports and logs it, and changes nothing', async ({
  page,
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
  await catalog.createBrokerage(BLUE_LINE);

  const verify = sidebar.root.getByLabel('Verify a backup file');
  await verify.setInputFiles(path);
  await expect(sidebar.status(/^Verified ff2api_backup_\d{8}_\d{6}\.json: it restores completely/)).toContainText(
    '1 brokerages, 1 configurations',
  );
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 2 brokerages$/);
  await sidebar.root.getByText('Recent activity').click();
  await expect(sidebar.root.locator('.activity-list')).toContainText(/Verified ff2api_backup_\d{8}_\d{6}\.json: sound/);
  const backups = new BackupsView(page);
  await backups.open();
  await expect(backups.health).toContainText(
    /Last measured restore time.*s for \d+ rows \(verification of ff2api_backup_/,
  );

  // A file changed after it was written fails, and says why.
  const tampered = (await readDownload(download)).toString('utf8').replace('Daily loads', 'Daily loadz');
  await verify.setInputFiles(fileFrom('ff2api_backup_tampered.json', tampered));
  await expect(sidebar.alerts.filter({ hasText: 'ff2api_backup_tampered.json failed verification' })).toBeVisible();
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads · 2 brokerages$/);
});

test('storage full while storing a snapshot: a clear alert, health Critical, the database and older snapshots intact', async ({
  page,
  context,
  baseURL,
}) => {
  // The quota is set before anything is stored: Chromium reads it when the origin's storage opens.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL ?? '').origin;
  const QUOTA = 20 * 1024 * 1024;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
  await page.goto('/');
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const backups = new BackupsView(page);
  await catalog.createBrokerage(ACME);
  await backups.open();
  await backups.takeSnapshot('before the quota');

  // Something else fills the origin's storage to the brim: chunks, smaller and smaller, until refused.
  const filledBytes = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => resolve(open.result);
    });
    const put = (size: number, key: number) =>
      new Promise<boolean>((resolve) => {
        const tx = db.transaction('s', 'readwrite');
        tx.objectStore('s').put(new Blob([new Uint8Array(size)]), key);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
    let total = 0;
    let key = 0;
    for (let size = 4 * 1024 * 1024; size >= 256; size /= 4) {
      while (await put(size, key++)) total += size;
    }
    db.close();
    return total;
  });
  expect(filledBytes).toBeGreaterThan(10 * 1024 * 1024);
  await backups.snapshots.getByRole('button', { name: 'Take snapshot now' }).click();
  await expect(backups.snapshots.getByRole('alert')).toContainText(
    'Browser storage is full, so the snapshot could not be stored',
  );
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();
  await expect(backups.health).toContainText('The last snapshot failed');
  await expect(backups.rows).toHaveCount(1);

  // Space again; after a reload the database and the earlier snapshot are there, and it restores.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        indexedDB.deleteDatabase('filler').onsuccess = resolve;
      }),
  );
  // Chromium 150 keeps a deleted database's space counted for the rest of the session (storage
  // in memory, as in a test's fresh profile): the room the deletion makes is given as quota too.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 10 * QUOTA });
  await page.reload();
  await expect(sidebar.statusLine).toHaveText('1 brokerage, no configurations yet');
  await backups.open();
  await expect(backups.rows).toHaveCount(1);
  await expect(backups.rows.first()).toContainText('Verified');
  await catalog.showView('Brokerages');
  await catalog.createBrokerage(BLUE_LINE);
  await backups.open();
  await backups.restore(backups.rows.filter({ hasText: 'before the quota' }));
  await expect(sidebar.statusLine).toHaveText('1 brokerage, no configurations yet');
});
