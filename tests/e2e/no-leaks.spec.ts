import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { LeakGrep } from './helpers/leak-grep';
import { ACME, CONFIGURATIONS, seedCatalog } from './helpers/seed';
import { AppLockPage } from './pages/app-lock';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const NEW_KEY = 'ak-acme-replaced-9999';
const SECRETS = [...CONFIGURATIONS.map((c) => ('apiKey' in c ? c.apiKey : c.bearerToken)), NEW_KEY];
const PASSPHRASE = 'no leaks from this app';

test('the leak grep finds a credential wherever one appears, except in the masked field being typed', async ({
  page,
  context,
}) => {
  const grep = LeakGrep.watch(context);
  await page.goto('/');
  const catalog = new Catalog(page);
  await catalog.createBrokerage(ACME);
  await catalog.newConfigurationButton.click();
  await page.getByLabel('API key', { exact: true }).fill('ak-typed-but-masked');
  await grep.capture(page, 'form open');
  expect(await grep.find(['ak-typed-but-masked'])).toEqual([]);

  // Shown anywhere else — text, an attribute, the console, a hidden detail — it is found.
  await page.evaluate(() => {
    const detail = document.createElement('details');
    detail.textContent = 'ak-planted-in-text';
    detail.dataset.note = 'ak-planted-in-attribute';
    document.body.append(detail);
    console.log('debug: ak-planted-in-console');
  });
  await grep.capture(page, 'planted');
  const sources = (await grep.find(['ak-planted-in-text', 'ak-planted-in-attribute', 'ak-planted-in-console']))
    .map((leak) => leak.secret)
    .sort();
  expect(sources).toEqual(['ak-planted-in-attribute', 'ak-planted-in-console', 'ak-planted-in-text']);
});

test('credentials never appear in the DOM, console, activity log, error details, files or (with the lock on) IndexedDB', async ({
  page,
  context,
  browser,
}, testInfo) => {
  const grep = LeakGrep.watch(context);
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await seedCatalog(catalog);

  // Replace a key (the change is logged) and trigger a refusal while a new key is typed.
  await catalog.selectBrokerage(ACME);
  await catalog.configurationList(ACME).getByRole('button', { name: 'Edit Daily loads', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit “Daily loads”' });
  await form.getByLabel('API key', { exact: true }).fill(NEW_KEY);
  await form.getByLabel('API base URL').fill('not a web address');
  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(form.getByRole('alert')).toContainText('web address');
  await grep.capture(page, 'refused save');
  await form.getByLabel('API base URL').fill('https://api.acme.example/v2');
  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Daily loads' })).toBeVisible();

  // Backups of every kind; restoring one; a wrong passphrase on an encrypted one.
  const plain = await keepDownload(await sidebar.downloadBackup(), testInfo);
  await sidebar.chooseSecrets('omitted');
  await sidebar.downloadBackup();
  await sidebar.chooseSecrets('encrypted', 'backup passphrase 1');
  const encrypted = await keepDownload(await sidebar.emergencyBackup(), testInfo);
  await sidebar.restoreFrom(plain);
  await sidebar.chooseMode('merge');
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await sidebar.restoreFrom(encrypted);
  await sidebar.restorePassphrase.fill('the wrong one');
  await sidebar.unlockButton.click();
  await expect(sidebar.alerts.first()).toContainText(/passphrase/i);
  await catalog.showView('Upload history');
  await catalog.showView('Brokerages');
  await grep.capture(page, 'after backups and restores');

  // The lock on: nothing readable at rest, locked or not.
  const lock = new AppLockPage(page);
  await lock.turnOn(PASSPHRASE);
  await grep.capture(page, 'lock on', { indexedDb: true });
  await lock.lockNow();
  await grep.capture(page, 'locked', { indexedDb: true });
  await lock.unlock(PASSPHRASE);
  await sidebar.downloadBackup();
  await grep.capture(page, 'unlocked', { indexedDb: true });

  // The restore of the encrypted file in another browser is part of the run too.
  const other = await browser.newContext();
  const otherGrep = LeakGrep.watch(other);
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  const otherSidebar = new Sidebar(otherPage);
  await otherSidebar.restoreFrom(encrypted);
  await otherSidebar.restorePassphrase.fill('backup passphrase 1');
  await otherSidebar.unlockButton.click();
  await otherSidebar.confirmRestore();
  await expect(otherSidebar.status(/restored/i)).toBeVisible();
  await otherGrep.capture(otherPage, 'restored elsewhere');
  expect(await otherGrep.find(SECRETS)).toEqual([]);
  await other.close();

  const artefacts = await grep.all();
  expect(artefacts.filter((a) => a.source.startsWith('download')).length).toBe(4);
  expect(await grep.find(SECRETS)).toEqual([]);
});
