import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startDemoApi, DEMO_API_KEY, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { keepDownload } from './helpers/backup-files';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';
import { Sidebar } from './pages/sidebar';

// A new user's working day, as README's quick start tells it: a brokerage and a configuration,
// the shipped sample CSV processed against the demo load API, checks during the day, the
// end-of-day backup, and the morning restore. Through all of it the sidebar stays about as long
// as it started: results fold into Recent activity instead of piling up.
const SAMPLE = readFileSync(fileURLToPath(new URL('../../samples/loads_sample.csv', import.meta.url)));
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let server: DemoApi;
test.beforeAll(async () => {
  server = await startDemoApi();
});
test.afterAll(async () => {
  await server.close();
});

/** The sidebar's content height (its box is the window's height; what is in it can be longer). */
function sidebarHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const aside = document.querySelector('aside[aria-label="Database management"]');
    return Array.from(aside?.children ?? []).reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
  });
}

test('a working day from the quick start to the morning restore keeps the sidebar within 1.3× its start', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-12-08T08:00:00.000Z') });
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  const backups = new BackupsView(page);
  await page.goto('/');
  await expect(sidebar.statusLine).toHaveText('Database is empty');
  const start = await sidebarHeight(page);

  // Quick start: one brokerage, one configuration on the demo load API, the sample file.
  await sidebar.setOperatorName('Dana');
  await catalog.createBrokerage('Quick Start Freight');
  await catalog.createConfiguration({
    brokerage: 'Quick Start Freight',
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
  });
  await catalog.showView('Process file');
  // The only brokerage and configuration are chosen already.
  await expect(processing.main.getByLabel('Configuration', { exact: true }).locator('option:checked')).toHaveText(
    'Daily loads',
  );
  await processing.loadFile('loads_sample.csv', SAMPLE, 12);
  const mapping = processing.main.getByRole('region', { name: 'Field mapping' });
  await expect(mapping).toContainText('Required fields 23/23');
  await mapping.getByRole('button', { name: 'Continue' }).click();
  await expect(processing.main.getByRole('region', { name: 'Validation' })).toContainText('All 12 rows are valid.');
  await expect(processing.main.getByRole('region', { name: 'Payload preview' })).toContainText('Times are sent in UTC');
  await processing.processData();
  await expect(processing.results).toContainText('12 sent');
  expect(server.loads).toHaveLength(12);

  // During the day: a snapshot, a drill, a file checked that is not a backup (health stays Good).
  await page.clock.fastForward(2 * HOUR);
  await backups.open();
  await backups.takeSnapshot('after the morning run');
  await expect(await backups.runDrill('snapshot')).toContainText('Drill passed');
  await sidebar.root
    .getByLabel('Verify a backup file')
    .setInputFiles({ name: 'loads_sample.csv', mimeType: 'text/csv', buffer: SAMPLE });
  await expect(sidebar.alerts.filter({ hasText: 'Backup health is not affected' })).toBeVisible();
  await expect(sidebar.root.getByText(/^Backup health: Good/)).toBeVisible();

  // End of day: the banner asks for the file; the sidebar's Download backup makes it.
  await page.clock.fastForward(7 * HOUR + 5 * MINUTE);
  await expect(page.getByRole('region', { name: 'End of day backup' })).toBeVisible();
  const file = await keepDownload(await sidebar.downloadBackup(), testInfo);
  await expect(sidebar.status(/^Backup ready/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'End of day backup' })).toHaveCount(0);
  await sidebar.root.getByLabel('Verify a backup file').setInputFiles(file);
  await expect(sidebar.status(/^Verified ff2api_backup_\d{8}_\d{6}\.json: it restores completely/)).toBeFocused();

  // The next morning: restore the end-of-day file, as the procedures ask.
  await page.clock.fastForward(15 * HOUR);
  await sidebar.restoreFrom(file);
  await sidebar.confirmRestore();
  await expect(sidebar.status(/Database restored successfully/)).toBeVisible();
  await expect(sidebar.statusLine).toHaveText('1 brokerage config, 1 upload · 1 brokerage');

  // A minute later the day's successes have folded into Recent activity.
  await page.clock.runFor(MINUTE);
  await expect(
    sidebar.root.getByRole('status').filter({ hasText: /Backup ready|Verified|restored successfully/ }),
  ).toHaveCount(0);
  const end = await sidebarHeight(page);
  expect(end, `start ${Math.round(start)} px, end ${Math.round(end)} px`).toBeLessThanOrEqual(1.3 * start);
  await sidebar.root.getByText('Recent activity', { exact: true }).click();
  await expect(sidebar.root.locator('.activity-list')).toContainText('Replaced the database with');
});
