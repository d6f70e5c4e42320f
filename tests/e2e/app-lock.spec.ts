import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { killWorker } from './helpers/kill-worker';
import { ACME, BLUE_LINE, CONFIGURATIONS, seedCatalog } from './helpers/seed';
import { AppLockPage, dumpIndexedDb } from './pages/app-lock';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const PASSPHRASE = 'tractor trailer dispatch 8am';
const SECRETS = CONFIGURATIONS.map((c) => ('apiKey' in c ? c.apiKey : c.bearerToken));

test('with the lock on, a fresh page shows only the unlock screen, IndexedDB holds no plain key, and unlocking brings all data back', async ({
  page,
  context,
}) => {
  const lock = new AppLockPage(page);
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await seedCatalog(new Catalog(page));
  // Before the lock, the stored database is plain: the dump below can see keys when they are there.
  expect(await dumpIndexedDb(page)).toContain(SECRETS[0]);

  await lock.turnOn(PASSPHRASE);
  const dump = await dumpIndexedDb(page);
  for (const secret of SECRETS) expect(dump, 'no credential is stored in clear').not.toContain(secret);
  expect(dump).not.toContain(ACME);
  expect(dump).not.toContain('SQLite format 3');

  // A fresh page of the same browser profile.
  const fresh = await context.newPage();
  const freshLock = new AppLockPage(fresh);
  await fresh.goto('/');
  await expect(freshLock.unlockHeading).toBeVisible();
  await expect(fresh.getByRole('form')).toHaveCount(1);
  await expect(fresh.getByRole('complementary')).toHaveCount(0);
  const html = await fresh.content();
  for (const text of [...SECRETS, ACME, BLUE_LINE, 'Daily loads']) expect(html).not.toContain(text);

  await freshLock.tryUnlock('not the passphrase at all');
  await expect(fresh.getByRole('alert')).toContainText('not this app’s passphrase');
  await expect(fresh.getByRole('complementary')).toHaveCount(0);

  await freshLock.unlock(PASSPHRASE);
  await expect(new Sidebar(fresh).statusLine).toHaveText(/^3 brokerage configs, 0 uploads/);
  await new Catalog(fresh).expectConfigurations(ACME, ['Daily loads', 'Weekly (bulk) loads']);

  // `Lock now` in one tab locks the other tabs of the browser too.
  await expect(sidebar.statusLine).toHaveText(/^3 brokerage configs/);
  await lock.lockNow();
  await expect(freshLock.unlockHeading).toBeVisible();
  await expect(fresh.getByRole('complementary')).toHaveCount(0);
  await fresh.close();
});

test('with the lock on, a database worker that dies is restarted and unlocked again with this tab’s passphrase; its data stays sealed at rest', async ({
  page,
}) => {
  const lock = new AppLockPage(page);
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await seedCatalog(catalog);
  await lock.turnOn(PASSPHRASE);

  await killWorker(page);
  await expect(
    page
      .getByRole('main')
      .getByRole('alert')
      .filter({ hasText: /stopped unexpectedly/ }),
  ).toBeVisible();
  // The new worker started locked (the keys were only in the old one) and was unlocked with the
  // passphrase this tab was unlocked with: the app goes on, saves go on, sealed.
  await expect(sidebar.statusLine).toHaveText(/^3 brokerage configs, 0 uploads/);
  await catalog.createBrokerage('After the restart');
  expect(await dumpIndexedDb(page)).not.toContain('After the restart');
  await page.reload();
  await expect(lock.unlockHeading).toBeVisible();
  await lock.unlock(PASSPHRASE);
  await catalog.expectBrokerages([ACME, 'After the restart', BLUE_LINE]);
});

test('Lock now shows only the unlock screen; a changed passphrase replaces the old one; turning the lock off opens without one', async ({
  page,
}) => {
  const lock = new AppLockPage(page);
  await page.goto('/');
  await new Catalog(page).createBrokerage(ACME);
  await lock.turnOn(PASSPHRASE);

  await lock.lockNow();
  await expect(page.getByRole('main')).not.toContainText(ACME);
  await lock.unlock(PASSPHRASE);

  const settings = await lock.openSettings();
  const change = settings.getByRole('form', { name: 'Change passphrase' });
  await change.getByLabel('Current passphrase').fill(PASSPHRASE);
  await change.getByLabel('New passphrase').fill('a second, longer passphrase');
  await change.getByLabel('Confirm passphrase').fill('a second, longer passphrase');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('status')).toContainText('Passphrase changed');

  await lock.lockNow();
  await lock.tryUnlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toBeVisible();
  await lock.unlock('a second, longer passphrase');

  const off = (await lock.openSettings()).getByRole('form', { name: 'Turn off lock' });
  await off.getByLabel('Passphrase to turn the lock off').fill('a second, longer passphrase');
  await off.getByRole('button', { name: 'Turn off lock' }).click();
  await expect(lock.controls.getByRole('button', { name: 'Lock with a passphrase' })).toBeVisible();
  await page.reload();
  await expect(new Catalog(page).brokerageButton(ACME)).toBeVisible();
  expect(await dumpIndexedDb(page)).toContain(ACME);
});

test('the app locks itself after 8 idle hours (page clock), not before', async ({ page }) => {
  await page.clock.install();
  const lock = new AppLockPage(page);
  await page.goto('/');
  await new Catalog(page).createBrokerage(ACME);
  await lock.turnOn(PASSPHRASE);

  await page.clock.fastForward(7 * 3_600_000 + 50 * 60_000);
  await expect(lock.lockNowButton).toBeVisible();
  await expect(page.getByRole('main')).toContainText(ACME);

  await page.clock.fastForward(11 * 60_000);
  await expect(lock.unlockHeading).toBeVisible();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await lock.unlock(PASSPHRASE);
  await expect(new Catalog(page).brokerageButton(ACME)).toBeVisible();
});

test('mismatched or short passphrases are refused before anything is stored', async ({ page }) => {
  const lock = new AppLockPage(page);
  await page.goto('/');
  await lock.turnOn(PASSPHRASE, `${PASSPHRASE}!`);
  const form = page.getByRole('form', { name: 'Lock with a passphrase' });
  await expect(form.getByRole('alert')).toContainText('not the same');
  await form.getByLabel('New passphrase').fill('short');
  await form.getByLabel('Confirm passphrase').fill('short');
  await form.getByRole('button', { name: 'Turn on lock' }).click();
  await expect(form.getByRole('alert')).toContainText('at least 8 characters');
  await page.reload();
  await expect(lock.controls.getByRole('button', { name: 'Lock with a passphrase' })).toBeVisible();
});

test('with the lock on, backup files are encrypted by default with the lock passphrase, and a restore works the same', async ({
  page,
  browser,
}, testInfo) => {
  const lock = new AppLockPage(page);
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await seedCatalog(new Catalog(page));
  await lock.turnOn(PASSPHRASE);
  await expect(sidebar.root.locator('#secrets-note')).toContainText('app lock’s passphrase');

  const download = await sidebar.downloadBackup();
  const file = await keepDownload(download, testInfo);
  const text = await readFile(file, 'utf8');
  expect((JSON.parse(text) as { backup_info: { secrets: string } }).backup_info.secrets).toBe('encrypted');
  for (const secret of SECRETS) expect(text).not.toContain(secret);

  // Restoring under the lock: replace with the file, reload, unlock — the file's data is there, still sealed at rest.
  await new Catalog(page).createBrokerage('Added after the backup');
  await sidebar.restoreFrom(file);
  await sidebar.restorePassphrase.fill(PASSPHRASE);
  await sidebar.unlockButton.click();
  await sidebar.chooseMode('replace');
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await page.reload();
  await lock.unlock(PASSPHRASE);
  await new Catalog(page).expectBrokerages([ACME, BLUE_LINE]);
  const dump = await dumpIndexedDb(page);
  for (const secret of SECRETS) expect(dump).not.toContain(secret);

  // Another browser restores the file with the lock passphrase.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  const otherSidebar = new Sidebar(otherPage);
  await otherSidebar.restoreFrom(file);
  await otherSidebar.restorePassphrase.fill(PASSPHRASE);
  await otherSidebar.unlockButton.click();
  await otherSidebar.confirmRestore();
  await expect(otherSidebar.statusLine).toHaveText(/^3 brokerage configs/);
  await other.close();
});

test('a locked database changed outside the app is refused; it can be kept aside to start empty and restore a backup', async ({
  page,
}, testInfo) => {
  const lock = new AppLockPage(page);
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await seedCatalog(new Catalog(page));
  await lock.turnOn(PASSPHRASE);
  const backup = await keepDownload(await sidebar.downloadBackup(), testInfo);

  // Someone with the browser profile flips one byte of the stored (sealed) database.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ff2api-web');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('database', 'readwrite').objectStore('database');
    const record = await new Promise<{ bytes: Uint8Array }>((resolve) => {
      const request = store.get('live');
      request.onsuccess = () => resolve(request.result as { bytes: Uint8Array });
    });
    const at = record.bytes.length - 50;
    record.bytes[at] = (record.bytes[at] ?? 0) ^ 0x01;
    await new Promise((resolve) => {
      store.transaction.oncomplete = resolve;
      store.put(record, 'live');
    });
    db.close();
  });
  await page.reload();
  await lock.tryUnlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('failed its integrity check');
  await expect(page.getByRole('complementary')).toHaveCount(0);

  await page.getByRole('button', { name: 'Keep the damaged copy aside and start empty' }).click();
  await expect(sidebar.alerts.first()).toContainText('kept aside');
  expect(await sidebar.statusText()).toBe('Database is empty');
  await sidebar.restoreFrom(backup);
  await sidebar.restorePassphrase.fill(PASSPHRASE);
  await sidebar.unlockButton.click();
  await sidebar.confirmRestore();
  await expect(sidebar.statusLine).toHaveText(/^3 brokerage configs/);
});
