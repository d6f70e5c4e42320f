import { expect, test } from '@playwright/test';
import { AppLockPage } from './pages/app-lock';
import { Sidebar } from './pages/sidebar';

// Parts of the app load on first use (src/ui/common/lazy-panel.tsx, src/worker/lazy). After the
// first visit the service worker has every chunk; before that, a chunk can fail to load (the
// network gone). Service workers are blocked here, so failing the chunk requests is that case.
test.use({ serviceWorkers: 'block' });

const FILE = 'tests/fixtures/backups/original-1.0-example.json';
const ANY_SCRIPT = /\/assets\/.+\.js$/;
const CANNOT_LOAD = /could not be loaded.*Nothing was changed.*try again/;

test('a panel whose code cannot load says so, and opens on Try again once it can', async ({ page }) => {
  const sidebar = new Sidebar(page);
  const lock = new AppLockPage(page);
  await page.goto('/');
  await sidebar.statusText();
  await page.route(ANY_SCRIPT, (route) => route.abort('internetdisconnected'));

  await lock.controls.getByRole('button', { name: 'Lock with a passphrase' }).click();
  const failure = lock.controls.getByRole('alert');
  await expect(failure).toContainText(CANNOT_LOAD);
  await expect(lock.controls.getByLabel('New passphrase')).toHaveCount(0);

  await page.unroute(ANY_SCRIPT);
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(lock.controls.getByLabel('New passphrase')).toBeVisible();
  await expect(failure).toHaveCount(0);
});

test('a restore whose engine cannot load is refused in plain words, changes nothing, and works once it can', async ({
  page,
}) => {
  const sidebar = new Sidebar(page);
  // Choosing a file also starts loading the restore form on the page; that load must have failed
  // too before the network comes back, or it could be caught half-routed by unroute.
  let pending = 0;
  page.on('request', () => pending++);
  page.on('requestfinished', () => pending--);
  page.on('requestfailed', () => pending--);
  await page.goto('/');
  await expect(sidebar.statusLine).toHaveText(/^Database is empty/);
  await page.route(ANY_SCRIPT, (route) => route.abort('internetdisconnected'));

  await sidebar.restoreFrom(FILE);
  await expect(sidebar.root.getByRole('alert')).toContainText(CANNOT_LOAD);
  await expect(sidebar.preview).toHaveCount(0);
  await expect(sidebar.statusLine).toHaveText(/^Database is empty/);
  await expect.poll(() => pending).toBe(0);

  await page.unroute(ANY_SCRIPT);
  await sidebar.restoreFrom(FILE);
  await expect(sidebar.preview).toBeVisible();
  await sidebar.confirmRestore();
  await expect(sidebar.root.getByRole('status').filter({ hasText: 'Database restored successfully' })).toBeVisible();
  await expect(sidebar.statusLine).not.toHaveText(/^Database is empty/);
});
