import { expect, test } from '@playwright/test';
import { ACME, BLUE_LINE } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Issue 8 item 5: plain counts, whole sizes, long names that wrap, the chosen brokerage kept.
test('plain counts and sizes, long names wrap, and the chosen brokerage survives a reload', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await expect(sidebar.root).toContainText('Limit 4 GB per file');
  await expect(sidebar.root).not.toContainText('4.0 GB');

  await catalog.createBrokerage(ACME);
  await expect(sidebar.statusLine).toHaveText('1 brokerage, no configurations yet');
  const longName = `Transcontinental${'Logistics'.repeat(9)}`.slice(0, 100);
  await catalog.createBrokerage(longName);
  await catalog.createBrokerage(BLUE_LINE);
  await expect(sidebar.statusLine).toHaveText('3 brokerages, no configurations yet');
  await catalog.selectBrokerage(longName);
  // Nothing sticks out sideways, even a 100-character name without a space.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await catalog.selectBrokerage(BLUE_LINE);
  await page.reload();
  await expect(catalog.brokerageButton(BLUE_LINE)).toHaveAttribute('aria-pressed', 'true');
  await expect(catalog.main.getByRole('heading', { name: `Configurations for “${BLUE_LINE}”` })).toBeVisible();
});
