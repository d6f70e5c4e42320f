import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BACKUP_NAME, EMERGENCY_NAME, credentialsOf, readBackup, type BackupFile } from './helpers/backup-files';
import { ACME, BLUE_LINE, CONFIGURATIONS, seedCatalog } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const OLDER_FILE = fileURLToPath(new URL('../fixtures/backups/ours-2.1-plain.json', import.meta.url));
const DATA_SECTIONS = [
  'brokerages',
  'brokerage_configurations',
  'upload_history',
  'processing_errors',
  'configuration_changes',
] as const;

// The daily loop of docs/design.md: end of day download, the browser loses its data, morning restore.
test('a downloaded backup holds everything and restores it into a browser that lost its data', async ({
  page,
  browser,
}, testInfo) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  expect(await sidebar.statusText()).toBe('Database is empty');

  await seedCatalog(catalog);
  await expect(sidebar.statusLine).toHaveText(/^3 brokerage configs, 0 uploads/);

  // End of day: download.
  const download = await sidebar.downloadBackup();
  expect(download.suggestedFilename()).toMatch(BACKUP_NAME);
  await expect(sidebar.status(/Backup ready/)).toContainText(download.suggestedFilename());
  // The checksum was worked out in the digest helper (platform/digest-worker.ts), not in the
  // database worker's thread: a helper that silently failed to start would only be slower.
  expect(
    page
      .workers()
      .map((worker) => worker.url())
      .some((url) => /\/digest\.worker-[\w-]+\.js$/.test(url)),
  ).toBe(true);
  const backup = await readBackup(download);

  expect(backup.backup_info.format).toBe('ff2api_backup');
  expect(backup.backup_info.version).toBe('2.2');
  // The header and the activity log are certified too (docs/backup-format.md §2).
  expect(backup.backup_info).toMatchObject({
    file_checksum: { algorithm: 'SHA-256', value: expect.stringMatching(/^[0-9a-f]{64}$/) },
  });
  expect(backup.backup_info.trigger).toBe('manual');
  expect(backup.backup_info.secrets).toBe('plain');
  expect(backup.brokerages.map((b) => b.name).sort()).toEqual([ACME, BLUE_LINE].sort());
  expect(backup.brokerage_configurations).toHaveLength(3);
  for (const expected of CONFIGURATIONS) {
    const row = backup.brokerage_configurations.find(
      (c) => c.brokerage_name === expected.brokerage && c.configuration_name === expected.name,
    );
    expect(row, `${expected.brokerage} / ${expected.name} is in the file`).toBeDefined();
    if (!row) continue;
    expect(row.auth_type).toBe(expected.authType);
    if ('apiKey' in expected) expect(credentialsOf(row).api_key).toBe(expected.apiKey);
    if ('bearerToken' in expected) expect(row.bearer_token).toBe(expected.bearerToken);
  }
  expectCountsMatchSections(backup);
  expect(backup.backup_info.counts.brokerages).toBe(2);
  expect(backup.backup_info.counts.brokerage_configurations).toBe(3);

  // The team keeps the file under its own name; restore picks it from disk.
  const savedPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(savedPath);

  // "The browser lost its data": a fresh context has empty storage.
  const freshContext = await browser.newContext();
  const morning = await freshContext.newPage();
  const morningSidebar = new Sidebar(morning);
  const morningCatalog = new Catalog(morning);
  await morning.goto('/');
  expect(await morningSidebar.statusText()).toBe('Database is empty');
  await morningCatalog.expectBrokerages([]);

  await morningSidebar.restoreFrom(savedPath);
  await expect(morningSidebar.preview).toContainText(download.suggestedFilename());
  // An empty database is replaced without typing RESTORE.
  await expect(morningSidebar.confirmBox).toBeHidden();
  await expect(morningSidebar.restoreButton).toBeEnabled();
  await morningSidebar.confirmRestore();
  await expect(morningSidebar.status(/restored/i)).toBeVisible();
  await expect(morningSidebar.alerts).toHaveCount(0);

  await expectCatalogRestored(morningCatalog);
  await expect(morningSidebar.statusLine).toHaveText(/^3 brokerage configs, 0 uploads/);

  await morning.reload();
  expect(await morningSidebar.statusText()).toMatch(/^3 brokerage configs, 0 uploads/);
  await expectCatalogRestored(morningCatalog);

  // Restored exactly: a backup taken now holds the same data as the file.
  const again = await readBackup(await morningSidebar.downloadBackup());
  for (const section of DATA_SECTIONS)
    expect(again[section], `section ${section} after the round trip`).toEqual(backup[section]);
  expect(again.backup_info.checksum).toEqual(backup.backup_info.checksum);

  await freshContext.close();
});

test('Quick emergency backup downloads an emergency file holding the data', async ({ page }) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await expect(sidebar.riskBanner).toContainText('No backup yet');

  const download = await sidebar.emergencyBackup();
  expect(download.suggestedFilename()).toMatch(EMERGENCY_NAME);
  const backup = await readBackup(download);
  expect(backup.backup_info.format).toBe('ff2api_backup');
  expect(backup.backup_info.trigger).toBe('emergency');
  expect(backup.brokerages.map((b) => b.name)).toEqual([ACME]);
  expectCountsMatchSections(backup);
  await expect(sidebar.status(/Emergency backup ready/)).toContainText(download.suggestedFilename());
  // The emergency file is a backup point like any other: nothing is only in this browser now.
  await expect(sidebar.riskBanner).toContainText('nothing changed since');
});

// A file of an older version certifies only its rows: it restores, and the preview says so in a line a user can read.
test('an older backup (format 2.1) restores, with a preview line saying its date and activity log are not certified', async ({
  page,
}) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await sidebar.restoreFrom(OLDER_FILE);
  await expect(sidebar.preview).toContainText('FF2API Web backup 2.1');
  const warning = sidebar.preview.getByRole('listitem').filter({ hasText: 'its date and its activity log are not' });
  await expect(warning).toBeVisible();
  // A warning about the whole file: no "(N affected)" after it.
  await expect(warning).not.toContainText('affected');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();
  await catalog.expectBrokerages(['Acme, Inc.', 'Beta Freight', 'Zürich Logistik “Nord”']);
});

async function expectCatalogRestored(catalog: Catalog): Promise<void> {
  await catalog.expectBrokerages([ACME, BLUE_LINE]);
  await catalog.expectConfigurations(ACME, ['Daily loads', 'Weekly (bulk) loads']);
  await catalog.expectConfigurations(BLUE_LINE, ['Standard']);
}

function expectCountsMatchSections(backup: BackupFile): void {
  for (const section of DATA_SECTIONS) {
    const rows = backup[section];
    expect(Array.isArray(rows), `${section} is a list`).toBe(true);
    expect(backup.backup_info.counts[section], `counts.${section}`).toBe((rows as unknown[]).length);
  }
}
