import { expect, test, type Page } from '@playwright/test';
import { ACME } from './helpers/seed';
import { isEngine, listWorkerTargets, type WorkerTarget } from './helpers/worker-targets';
import { AppLockPage } from './pages/app-lock';
import { Catalog } from './pages/catalog';

/**
 * Locking leaves nothing decrypted: the worker that held the open database (and every helper
 * worker it started) is gone from the browser's own list once the unlock screen shows — with the
 * page not reloaded, so only the end of those workers explains their absence — and unlocking
 * starts a fresh worker that opens the data from what is stored.
 */
const PASSPHRASE = 'tractor trailer dispatch 8am';

/** Opens the app with one brokerage and the lock on; returns the workers running then. */
async function unlockedWithData(page: Page): Promise<WorkerTarget[]> {
  await page.goto('/');
  await new Catalog(page).createBrokerage(ACME);
  await new AppLockPage(page).turnOn(PASSPHRASE);
  const running = await listWorkerTargets(page);
  expect(running.filter(isEngine)).toHaveLength(1);
  await page.evaluate(() => Object.assign(window, { documentBeforeLock: true }));
  return running;
}

/** Waits until none of `before` is listed any more; returns the workers running then. */
async function expectAllGone(page: Page, before: readonly WorkerTarget[]): Promise<WorkerTarget[]> {
  const ids = new Set(before.map((target) => target.targetId));
  await expect
    .poll(async () => (await listWorkerTargets(page)).filter((t) => ids.has(t.targetId)).map((t) => t.title))
    .toEqual([]);
  expect(await page.evaluate(() => 'documentBeforeLock' in window), 'the page was not reloaded').toBe(true);
  return listWorkerTargets(page);
}

test('Lock now ends the worker holding the decrypted database; unlocking brings the data back', async ({ page }) => {
  const lock = new AppLockPage(page);
  const before = await unlockedWithData(page);

  await lock.lockNow();
  const after = await expectAllGone(page, before);
  expect(after.filter(isEngine), 'a fresh, locked database worker').toHaveLength(1);
  await expect(page.locator('body')).not.toContainText(ACME);

  await lock.unlock(PASSPHRASE);
  await expect(new Catalog(page).brokerageButton(ACME)).toBeVisible();
  expect((await listWorkerTargets(page)).filter(isEngine).map((t) => t.targetId)).toEqual(
    after.filter(isEngine).map((t) => t.targetId),
  );
});

test('the idle lock ends the worker the same way', async ({ page }) => {
  await page.clock.install();
  const lock = new AppLockPage(page);
  const before = await unlockedWithData(page);

  await page.clock.fastForward(8 * 3_600_000 + 60_000);
  await expect(lock.unlockHeading).toBeVisible();
  await expectAllGone(page, before);

  await lock.unlock(PASSPHRASE);
  await expect(new Catalog(page).brokerageButton(ACME)).toBeVisible();
});
