import { expect, test, type Page } from '@playwright/test';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Issue 8: at 800 and 390 px the sidebar used to stack 760–960 px tall above the page. Under
// 900 px it folds behind a toggle; on a phone it starts folded.

/** Whether anything sticks out sideways (a row wider than the screen). */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

test('at 390 px the sidebar starts folded, opens with its toggle, and the configuration form fits', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await expect(sidebar.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(sidebar.downloadBackupButton).toBeHidden();
  // Folded, the levels are still in sight.
  await expect(sidebar.root).toContainText('Low risk · database age Stable');
  // The page comes first: the brokerages are on the first screen.
  await expect(catalog.newBrokerageForm).toBeInViewport();

  await sidebar.toggle.click();
  await expect(sidebar.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.downloadBackupButton).toBeVisible();
  await expect(sidebar.statusLine).toHaveText('Database is empty');
  await sidebar.toggle.click();
  await expect(sidebar.downloadBackupButton).toBeHidden();

  await catalog.createBrokerage(ACME);
  await catalog.newConfigurationButton.click();
  const form = catalog.main.getByRole('form', { name: `New configuration for “${ACME}”` });
  // The form opens in view, its first box focused.
  await expect(form.getByLabel('Configuration name')).toBeFocused();
  await expect(form.getByLabel('Configuration name')).toBeInViewport();
  expect(await overflowsSideways(page)).toBe(false);
  const box = await form.getByLabel('API base URL').boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
});

test('at 800 px the sidebar is open, with a toggle that folds it away', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await expect(sidebar.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.downloadBackupButton).toBeVisible();
  await sidebar.toggle.click();
  await expect(sidebar.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(sidebar.downloadBackupButton).toBeHidden();
  expect(await overflowsSideways(page)).toBe(false);
});

test('at 1400 px the sidebar is always open, with no toggle', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await expect(sidebar.downloadBackupButton).toBeVisible();
  await expect(sidebar.toggle).toHaveCount(0);
});
