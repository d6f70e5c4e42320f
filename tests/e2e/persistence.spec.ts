import { expect, test } from '@playwright/test';
import { ACME, BLUE_LINE } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const AGE_WORD = /Stable|Reminder|Warning|Critical/;
const RISK_WORD = /Low risk|Medium risk|High risk|Critical risk/;

test('data survives a reload, and the banners say how much is at risk until a backup is taken', async ({ page }) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await expect(sidebar.ageBanner).toContainText(AGE_WORD);
  await expect(sidebar.riskBanner).toContainText(RISK_WORD);

  // Five configurations never backed up: the count level is Medium, the time level is Critical
  // (no backup at all), so the risk is the lower of the two — Medium.
  await catalog.createBrokerage(ACME);
  for (let n = 1; n <= 5; n += 1) {
    await catalog.createConfiguration({ brokerage: ACME, name: `Lane ${n}`, authType: 'api_key', apiKey: `ak-${n}` });
  }
  await expect(sidebar.statusLine).toHaveText(/^5 brokerage configs, 0 uploads/);
  await expect(sidebar.riskBanner).toContainText('Medium risk');
  await expect(sidebar.riskBanner).toContainText('No backup yet');
  await expect(sidebar.ageBanner).toContainText('Stable');

  await page.reload();
  await expect(sidebar.statusLine).toHaveText(/^5 brokerage configs, 0 uploads/);
  await catalog.expectConfigurations(ACME, ['Lane 1', 'Lane 2', 'Lane 3', 'Lane 4', 'Lane 5']);
  await expect(sidebar.ageBanner).toContainText('Stable');
  await expect(sidebar.riskBanner).toContainText('Medium risk');

  await sidebar.downloadBackup();
  await expect(sidebar.riskBanner).toContainText('Low risk');
  await expect(sidebar.riskBanner).toContainText('nothing changed since');
  await expect(sidebar.ageBanner).toContainText('The latest backup already holds everything');

  // The backup point is persisted, not only held by the page.
  await page.reload();
  await expect(sidebar.riskBanner).toContainText('Low risk');
  await expect(sidebar.riskBanner).toContainText(/Last backup or restore \d+ min ago; nothing changed since/);

  // A change after the backup exists only here again (still Low: the backup is minutes old).
  await catalog.createBrokerage(BLUE_LINE);
  await expect(sidebar.riskBanner).toContainText('Low risk');
  await expect(sidebar.riskBanner).toContainText('changes since then are only in this browser');
});
