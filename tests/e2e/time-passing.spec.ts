import { expect, test, type Page } from '@playwright/test';
import { EMERGENCY_NAME, readBackup } from './helpers/backup-files';
import { ACME } from './helpers/seed';
import { clickForDownload, Sidebar } from './pages/sidebar';
import { Catalog } from './pages/catalog';

// docs/design.md: levels are re-evaluated as time passes (the page may stay open for days), and an
// old database with changes not in any backup gets a top-of-main warning with its own button.
test('as hours pass without a backup the age banner escalates and a backup warning appears', async ({ page }) => {
  // The page's clock is the app's one clock: the worker stamps the database with the page's time.
  await page.clock.install();
  await page.goto('/');
  const startMs = await page.evaluate(() => Date.now());
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const urgent = page.getByRole('main').getByRole('region', { name: 'Backup warning' });

  await catalog.createBrokerage(ACME);
  await expect(sidebar.ageBanner).toContainText('Stable');
  await expect(sidebar.ageBanner).toContainText('Normal operation');
  await expect(urgent).toBeHidden();

  // 13 hours later (the banners re-read the clock every minute).
  await passHours(page, 13);
  await expect(sidebar.ageBanner).toContainText('Reminder');
  await expect(sidebar.ageBanner).toContainText('Consider backup');
  await expect(urgent).toBeHidden();

  // 25 hours after creation: Warning, with changes that are in no backup.
  await passHours(page, 12);
  await expect(sidebar.ageBanner).toContainText('Warning');
  await expect(sidebar.ageBanner).toContainText('Backup recommended');
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText('never been backed up');

  const download = await clickForDownload(page, urgent.getByRole('button', { name: 'Quick emergency backup' }));
  expect(download.suggestedFilename()).toMatch(EMERGENCY_NAME);
  const backup = await readBackup(download);
  expect(backup.backup_info.trigger).toBe('emergency');
  // Made 25 hours (page time) after the start: the worker follows the page's clock.
  const madeAfterMs = Date.parse(backup.backup_info.created_at) - startMs;
  expect(madeAfterMs).toBeGreaterThanOrEqual(25 * 3_600_000);
  expect(madeAfterMs).toBeLessThan(26 * 3_600_000);
  expect(backup.brokerages.map((b) => b.name)).toEqual([ACME]);

  // Everything is in a backup now: the warning goes away, the age banner says so.
  await expect(urgent).toBeHidden();
  await expect(sidebar.ageBanner).toContainText('the latest backup already holds everything');
  await expect(sidebar.riskBanner).toContainText('Low risk');
});

/** Moves the page's clock forward, then one more minute so the banners' timer fires. */
async function passHours(page: Page, hours: number): Promise<void> {
  await page.clock.fastForward(hours * 3_600_000);
  await page.clock.runFor(61_000);
}
