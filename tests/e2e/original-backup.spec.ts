import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { credentialsOf, readBackup } from './helpers/backup-files';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// A file written by the original Streamlit FF2API (era C, reference/ff2api-original.md §2.2):
// history "timestamps" are session UUIDs, one row has configuration_name "None", credentials in
// plain text, a `_status` placeholder in the mappings.
const ORIGINAL_FILE = fileURLToPath(new URL('../fixtures/e2e/ff2api_backup_20261122_004303.json', import.meta.url));
const BETA = 'Beta Freight';

test('a backup made by the original FF2API restores, with its repairs shown, and merging it again adds nothing', async ({
  page,
}) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  expect(await sidebar.statusText()).toBe('Database is empty');

  await sidebar.restoreFrom(ORIGINAL_FILE);
  await expect(sidebar.preview).toContainText('ff2api_backup_20261122_004303.json');
  await expect(sidebar.preview).toContainText('1.0');
  const counts = await sidebar.previewCounts();
  expect(counts['Configurations']?.[0], 'configurations in the file').toBe(2);
  expect(counts['Upload history']?.[0], 'history rows in the file').toBe(2);
  // The UUID timestamps are repaired, and the preview says so before anything is written.
  await expect(sidebar.preview.getByText('Repairs and warnings')).toBeVisible();
  await expect(sidebar.preview.getByRole('listitem').first()).toBeVisible();

  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await expect(sidebar.statusLine).toHaveText(/^2 brokerage configs, 2 uploads/);

  await catalog.expectBrokerages([BETA]);
  await catalog.expectConfigurations(BETA, ['Main', 'Reefer lanes']);
  await catalog.showView('Upload history');
  await expect(catalog.historyRowItems).toHaveCount(2);
  const history = await catalog.historyRows();
  // Both rows kept (the original lost their times, not the rows), flagged as "time unknown".
  for (const row of history) expect(row.join(' | ')).toContain('time unknown');
  const byFile = Object.fromEntries(history.map((row) => [row.find((cell) => cell.endsWith('.csv')), row]));
  expect(byFile['loads_monday.csv'], 'loads_monday.csv is listed').toBeDefined();
  expect(byFile['legacy_import.csv'], 'legacy_import.csv is listed').toBeDefined();
  expect(byFile['loads_monday.csv']).toContain('Main');
  // "None" meant no configuration: it is not shown as a configuration called "None".
  expect(byFile['legacy_import.csv']).not.toContain('None');

  // Credentials came across (the original silently skipped configs it could not read).
  const backup = await readBackup(await sidebar.downloadBackup());
  const main = backup.brokerage_configurations.find((c) => c.configuration_name === 'Main');
  const reefer = backup.brokerage_configurations.find((c) => c.configuration_name === 'Reefer lanes');
  expect(main && credentialsOf(main).api_key).toBe('K2-original-key');
  expect(reefer?.auth_type).toBe('bearer_token');
  expect(reefer?.bearer_token).toBe('BT-original-token');
  expect(main?.field_mappings).toMatchObject({
    'load.loadNumber': 'load_number',
    'load.mode': 'MANUAL_VALUE:FTL',
    _status: 'active',
  });

  // Merging the same file (twice) adds nothing: history is de-duplicated, configurations keyed
  // by brokerage + name.
  for (const round of [1, 2]) {
    await test.step(`merge the same file, round ${round}`, async () => {
      await sidebar.restoreFrom(ORIGINAL_FILE);
      await sidebar.chooseMode('merge');
      const merge = await sidebar.previewCounts();
      expect(merge['Upload history']?.[1], 'history rows to add').toBe(0);
      expect(merge['Configurations']?.[1], 'configurations to add').toBe(0);
      await expect(sidebar.confirmBox).toBeHidden();
      await sidebar.confirmRestore();
      await expect(sidebar.status(/restored/i)).toBeVisible();
      await expect(sidebar.statusLine).toHaveText(/^2 brokerage configs, 2 uploads/);
      await expect(catalog.historyRowItems).toHaveCount(2);
    });
  }

  await page.reload();
  await expect(sidebar.statusLine).toHaveText(/^2 brokerage configs, 2 uploads/);
  await expect(catalog.historyRowItems).toHaveCount(2);

  // The history filter: the restored brokerage has both rows, a new one has none.
  await catalog.showView('Brokerages');
  await catalog.createBrokerage('Gamma Haulage');
  await catalog.showView('Upload history');
  await catalog.filterHistory(BETA);
  await expect(catalog.historyRowItems).toHaveCount(2);
  await catalog.filterHistory('Gamma Haulage');
  await expect(catalog.historyEmpty).toContainText('Gamma Haulage');
  await expect(catalog.historyTable).toBeHidden();
});

test('deleting a brokerage removes its configurations and keeps its upload history', async ({ page }) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await sidebar.restoreFrom(ORIGINAL_FILE);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await catalog.showView('Upload history');
  await expect(catalog.historyRowItems).toHaveCount(2);

  await catalog.showView('Brokerages');
  await catalog.deleteBrokerage(BETA);
  await catalog.expectBrokerages([]);
  await expect(sidebar.statusLine).toHaveText(/^No brokerages, 2 uploads$/);
  await catalog.showView('Upload history');
  await expect(catalog.historyRowItems).toHaveCount(2);

  // The chosen view survives a reload (it is in the address).
  await page.reload();
  await expect(sidebar.statusLine).toHaveText(/^No brokerages, 2 uploads$/);
  await expect(catalog.historyRowItems).toHaveCount(2);
});
