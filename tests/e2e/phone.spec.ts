import { expect, test, type Locator, type Page } from '@playwright/test';
import { startDemoApi, DEMO_API_KEY, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { loadsCsv } from '../support/loads-csv';
import { fileFrom, readDownload } from './helpers/backup-files';
import { ACME } from './helpers/seed';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';
import { Sidebar } from './pages/sidebar';
import { violations } from './helpers/axe';

// A phone works: at 390 px mapping, upload history and backup health are usable without sideways
// scrolling, a Critical health shows with the sidebar folded, and axe-core finds nothing.
let server: DemoApi;
test.beforeAll(async () => {
  server = await startDemoApi();
});
test.afterAll(async () => {
  await server.close();
});

/** Whether anything sticks out sideways (the page wider than the screen). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Whether `locator`'s box lies within the 390 px screen's width. */
async function fitsAcross(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= 390;
}

test('at 390 px: mapping, upload history and health fit the screen, with no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  const backups = new BackupsView(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
  });

  // Mapping: every select fits, whatever the length of the sample values in its options.
  await catalog.showView('Process file');
  await processing.loadFile('loads.csv', loadsCsv(5), 5);
  const mapping = processing.main.getByRole('region', { name: 'Field mapping' });
  await expect(mapping).toContainText('Required fields 23/23');
  for (const select of await mapping.getByRole('combobox').all()) expect(await fitsAcross(select)).toBe(true);
  expect(await overflowsSideways(page)).toBe(false);
  expect.soft(await violations(page), 'mapping').toEqual([]);

  await mapping.getByRole('button', { name: 'Continue' }).click();
  await processing.processData();
  await expect(processing.results).toContainText('5 sent');

  // Upload history: Total, Succeeded and Failed in sight, not off to the right.
  await catalog.showView('Upload history');
  const row = catalog.historyRowItems.first();
  await expect(row).toBeVisible();
  for (const cell of await row.getByRole('cell').all()) expect(await fitsAcross(cell)).toBe(true);
  expect(await catalog.historyRows()).toEqual([[expect.any(String), ACME, 'Daily loads', 'loads.csv', '5', '5', '0']]);
  expect(await overflowsSideways(page)).toBe(false);
  expect.soft(await violations(page), 'history').toEqual([]);

  // Health: the panel, its findings and where the copies are.
  await backups.open();
  await expect(backups.health).toBeVisible();
  expect(await overflowsSideways(page)).toBe(false);
  for (const cell of await backups.health.getByRole('cell').all()) expect(await fitsAcross(cell)).toBe(true);
  expect.soft(await violations(page), 'health').toEqual([]);
});

test('at 390 px a Critical health shows with the sidebar folded', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await new Catalog(page).createBrokerage(ACME);
  await sidebar.toggle.click();
  const file = await sidebar.downloadBackup();
  // A backup that does not restore (edited after it was written): health turns Critical.
  const edited = (await readDownload(file)).toString('utf8').replace(ACME, 'Acme, Ltd.');
  await sidebar.root.getByLabel('Verify a backup file').setInputFiles(fileFrom(file.suggestedFilename(), edited));
  await expect(sidebar.root.getByText(/^Backup health: Critical/)).toBeVisible();
  await sidebar.toggle.click();
  await expect(sidebar.toggle).toHaveAttribute('aria-expanded', 'false');
  // The folded summary keeps it in sight beside the levels.
  await expect(sidebar.root.getByText(/risk · database age \w+ · Backup health: Critical$/)).toBeVisible();
  expect.soft(await violations(page), 'folded, Critical').toEqual([]);
});
