import { expect, test } from '@playwright/test';
import { fileFrom } from './helpers/backup-files';
import { ACME, seedCatalog } from './helpers/seed';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';
import { violations } from './helpers/axe';

// Issue 8: axe-core finds no violation in the five states a user meets (empty, data, preview,
// error, encrypted), in the light and the dark colours.
const ENCRYPTED = 'tests/fixtures/backups/ours-2.0-encrypted.json';
const ORIGINAL = 'tests/fixtures/e2e/ff2api_backup_20261122_004303.json';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations in the empty, data, preview, error and encrypted states (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const sidebar = new Sidebar(page);
    const catalog = new Catalog(page);
    await page.goto('/');
    expect(await sidebar.statusText()).toBe('Database is empty');
    expect.soft(await violations(page), 'empty').toEqual([]);

    await seedCatalog(catalog);
    await catalog.selectBrokerage(ACME);
    expect.soft(await violations(page), 'data').toEqual([]);

    await sidebar.restoreFrom(ORIGINAL);
    await expect(sidebar.preview).toBeVisible();
    expect.soft(await violations(page), 'preview').toEqual([]);
    await sidebar.confirmRestore();
    await expect(sidebar.status(/restored/i)).toBeVisible();
    await catalog.showView('Upload history');
    await expect(catalog.historyTable).toBeVisible();
    expect.soft(await violations(page), 'data: upload history').toEqual([]);

    await sidebar.restoreFrom(fileFrom('ff2api_backup_20260101_120000.json', '{"backup_info": '));
    await expect(sidebar.alerts.first()).toBeVisible();
    expect.soft(await violations(page), 'error').toEqual([]);

    await sidebar.restoreFrom(ENCRYPTED);
    await expect(sidebar.restorePassphrase).toBeVisible();
    await sidebar.chooseSecrets('encrypted');
    expect.soft(await violations(page), 'encrypted').toEqual([]);
  });
}

test('no axe violations at 390 px, with the sidebar folded and unfolded', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await expect(sidebar.toggle).toHaveAttribute('aria-expanded', 'false');
  expect.soft(await violations(page), 'folded').toEqual([]);
  await sidebar.toggle.click();
  await expect(sidebar.statusLine).toBeVisible();
  expect.soft(await violations(page), 'unfolded').toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations in the Backups view: health, a drill passed, a refused retention setting, the audit trail filtered (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const catalog = new Catalog(page);
    const backups = new BackupsView(page);
    await page.goto('/');
    await catalog.createBrokerage(ACME);
    await backups.open();
    await backups.takeSnapshot('for the drill');
    await backups.runDrill('snapshot');
    expect.soft(await violations(page), 'drill passed').toEqual([]);
    // A refused setting and the trail filtered to its failures.
    await page.getByRole('region', { name: 'Snapshot retention' }).getByLabel('Hourly snapshots, days').fill('99');
    await page
      .getByRole('region', { name: 'Snapshot retention' })
      .getByRole('button', { name: 'Save retention' })
      .click();
    await expect(page.getByRole('region', { name: 'Snapshot retention' }).getByRole('alert')).toBeVisible();
    await backups.auditTrail.getByLabel('Only failures').check();
    expect.soft(await violations(page), 'retention refused, trail filtered').toEqual([]);
  });
}
