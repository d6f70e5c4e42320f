import { expect, test } from '@playwright/test';
import { fileFrom } from './helpers/backup-files';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Issue 8 item 7: a dispatcher finds last Tuesday's failed Acme file among many uploads.
const configuration = (brokerage: string, name: string) => ({
  brokerage_name: brokerage,
  configuration_name: name,
  field_mappings: { 'load.loadNumber': 'load_number' },
  api_credentials: { base_url: 'https://api.prod.goaugment.com', api_key: 'K' },
  auth_type: 'api_key',
  bearer_token: null,
  file_headers: null,
  created_at: '2026-11-01 09:00:00',
  updated_at: '2026-11-01 09:00:00',
  description: null,
});

/** An original FF2API backup with 120 uploads over 30 days (real timestamps), every 7th with failures. */
function historyBackup(): string {
  const uploads = Array.from({ length: 120 }, (_, i) => {
    const day = 1 + Math.floor(i / 4);
    const isAcme = i % 2 === 0;
    return {
      brokerage_name: isAcme ? 'Acme Freight, Inc.' : 'Blue Line',
      configuration_name: isAcme ? (i % 4 === 0 ? 'Daily loads' : 'Reefer') : 'Standard',
      filename: `${isAcme ? 'acme' : 'blue'}_nov${String(day).padStart(2, '0')}_${i}.csv`,
      total_records: 20,
      successful_records: i % 7 === 0 ? 17 : 20,
      failed_records: i % 7 === 0 ? 3 : 0,
      upload_timestamp: `2026-11-${String(day).padStart(2, '0')} ${String(8 + (i % 4)).padStart(2, '0')}:15:00`,
    };
  });
  return JSON.stringify({
    backup_info: { created_at: '2026-12-01T07:00:00.000000', version: '1.0', app_version: 'FF2API v1.0' },
    brokerage_configurations: [
      configuration('Acme Freight, Inc.', 'Daily loads'),
      configuration('Acme Freight, Inc.', 'Reefer'),
      configuration('Blue Line', 'Standard'),
    ],
    upload_history: uploads,
    processing_errors: [],
  });
}

test('upload history: search, filters and order narrow the rows and the count, with keyset paging kept', async ({
  page,
}) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await sidebar.restoreFrom(fileFrom('ff2api_backup_20261201_070000.json', historyBackup()));
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored successfully/i)).toBeVisible();
  await catalog.showView('Upload history');
  const history = catalog.main.getByRole('region', { name: 'Upload history' });
  const count = history.getByRole('status');
  await expect(count).toHaveText('Showing 50 of 120 uploads, newest first.');
  await expect(catalog.historyRowItems.first()).toContainText('blue_nov30_119.csv');

  // Acme's uploads with failures.
  await catalog.filterHistory('Acme Freight, Inc.');
  await history.getByLabel('Only uploads with failures').check();
  // i even and i % 7 == 0: 0, 14, 28, …, 112 → 9 uploads.
  await expect(count).toHaveText('Showing 9 of 9 matching uploads, newest first.');
  await expect(catalog.historyRowItems).toHaveCount(9);
  for (const cells of await catalog.historyRows()) {
    expect(cells[1]).toBe('Acme Freight, Inc.');
    expect(Number(cells[6])).toBeGreaterThan(0);
  }

  // One configuration and a date range (whole days, "To" included).
  await history.getByLabel('Configuration').selectOption({ label: 'Daily loads' });
  await history.getByLabel('Only uploads with failures').uncheck();
  await history.getByLabel('From', { exact: true }).fill('2026-11-10');
  await history.getByLabel('To', { exact: true }).fill('2026-11-12');
  await expect(count).toHaveText('Showing 3 of 3 matching uploads, newest first.');
  expect((await catalog.historyRows()).map((cells) => cells[3])).toEqual([
    'acme_nov12_44.csv',
    'acme_nov11_40.csv',
    'acme_nov10_36.csv',
  ]);

  // A file name, oldest first; then Clear filters brings all 120 back, paged by 50.
  await history.getByRole('button', { name: 'Clear filters' }).click();
  await history.getByLabel('Search file names').fill('NOV2');
  await history.getByLabel('Order').selectOption({ label: 'Oldest first' });
  await expect(count).toHaveText('Showing 40 of 40 matching uploads, oldest first.');
  await expect(catalog.historyRowItems.first()).toContainText('acme_nov20_76.csv');
  await history.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('Showing 50 of 120 uploads, oldest first.');
  await history.getByRole('button', { name: 'Load more' }).click();
  await history.getByRole('button', { name: 'Load more' }).click();
  await expect(count).toHaveText('Showing 120 of 120 uploads, oldest first.');
  await expect(catalog.historyRowItems.last()).toContainText('blue_nov30_119.csv');
});
