import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { watchCspViolations } from './helpers/csp-violations';
import { ACME, seedCatalog } from './helpers/seed';
import { AppLockPage } from './pages/app-lock';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// The e2e build is the one for the demo load API (`vite build --mode demo`): loopback is allowed
// there only; a team's build reaches 'self' and https: alone (tests/unit/content-security-policy.test.ts).
test('the built page carries a strict Content-Security-Policy, as a meta tag and as a header', async ({ page }) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  for (const policy of [header, meta]) {
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain("'unsafe-eval'");
  }
  expect(header).toBe(`${meta}; frame-ancestors 'none'`);
  // The policy is enforced, not only present: an inline script does not run.
  const ranInline = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ranInline).toBe(false);
});

// Without the service worker, every script request reaches the watcher's route (see csp-violations.ts).
test.use({ serviceWorkers: 'block' });

test('the CSP watcher sees a violation in the worker', async ({ page }) => {
  const violations = await watchCspViolations(page);
  await page.goto('/');
  await new Sidebar(page).statusText();
  // A string evaluated in the worker's own task (not during the test's evaluate call, which DevTools exempts).
  const isBlocked = await page.workers()[0]?.evaluate(
    () =>
      new Promise<boolean>((resolve) =>
        setTimeout(() => {
          try {
            (0, eval)('1');
            resolve(false);
          } catch {
            resolve(true);
          }
        }, 0),
      ),
  );
  expect(isBlocked).toBe(true);
  await expect.poll(() => violations().filter((v) => v.where === 'worker').length).toBeGreaterThan(0);
});

test('the main flows raise no Content-Security-Policy violation, in the page or its worker', async ({
  page,
}, testInfo) => {
  const violations = await watchCspViolations(page);
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await seedCatalog(catalog);
  await catalog.showView('Upload history');
  await catalog.showView('Process file');
  await catalog.showView('Backups');
  await catalog.showView('Brokerages');

  // Backups, plain and encrypted, and a restore of the encrypted one.
  await sidebar.downloadBackup();
  await sidebar.chooseSecrets('encrypted', 'a backup passphrase');
  const file = await keepDownload(await sidebar.emergencyBackup(), testInfo);
  await sidebar.restoreFrom(file);
  await sidebar.restorePassphrase.fill('a backup passphrase');
  await sidebar.unlockButton.click();
  await sidebar.chooseMode('replace');
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await sidebar.undo();
  await expect(sidebar.status(/undone|undo/i).first()).toBeVisible();

  // The app lock: on, locked, unlocked.
  const lock = new AppLockPage(page);
  await lock.turnOn('csp passphrase 123');
  await lock.lockNow();
  await lock.unlock('csp passphrase 123');
  await catalog.expectConfigurations(ACME, ['Daily loads', 'Weekly (bulk) loads']);

  expect(violations()).toEqual([]);
});
