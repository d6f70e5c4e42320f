import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fileFrom, keepDownload } from './helpers/backup-files';
import { watchCspViolations } from './helpers/csp-violations';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Names a user (or a file) may bring, each a working payload if it were ever parsed as HTML:
// each would set window.__pwned, or leave an element the page never makes on its own.
const BROKERAGE = `<img src=x onerror="window.__pwned='brokerage'">`;
const CONFIGURATION = `"><script>window.__pwned='configuration'</script>`;
const DESCRIPTION = `<svg onload="window.__pwned='description'"></svg>`;
const FILE_BROKERAGE = `'><iframe srcdoc="<script>parent.__pwned='file'</script>">`;
const UPLOAD_FILE = `"><img src=x onerror=window.__pwned='history'>.csv`;
const BACKUP_FILE = `"><img src=x onerror=window.__pwned='name'>.json`;

/** Fails the test if a payload ran or left an element behind; the CSP would also have seen it. */
async function expectNothingInjected(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    elements: document.querySelectorAll('img[src="x"], iframe, svg[onload], script:not([src])').length,
  }));
  expect(found).toEqual({ pwned: null, elements: 0 });
}

test.use({ serviceWorkers: 'block' });

test('hostile brokerage, configuration and file names are shown as text everywhere, and nothing in them runs', async ({
  page,
  browser,
}, testInfo) => {
  const violations = await watchCspViolations(page);
  const catalog = new Catalog(page);
  const sidebar = new Sidebar(page);
  await page.goto('/');

  await catalog.createBrokerage(BROKERAGE);
  await catalog.createConfiguration({
    brokerage: BROKERAGE,
    name: CONFIGURATION,
    description: DESCRIPTION,
    authType: 'api_key',
    apiKey: 'ak-hostile-1',
  });
  await expect(catalog.brokerageButton(BROKERAGE)).toHaveText(BROKERAGE);
  await expect(
    catalog.configurationList(BROKERAGE).getByRole('heading', { name: CONFIGURATION, exact: true }),
  ).toBeVisible();
  await expect(catalog.configurationList(BROKERAGE)).toContainText(DESCRIPTION);

  // An original FF2API file whose names and upload file names are hostile, restored by merge.
  const original = JSON.parse(await readFile('tests/fixtures/e2e/ff2api_backup_20261122_004303.json', 'utf8')) as {
    brokerage_configurations: { brokerage_name: string }[];
    upload_history: { brokerage_name: string; filename: string }[];
  };
  for (const row of original.brokerage_configurations) row.brokerage_name = FILE_BROKERAGE;
  for (const row of original.upload_history)
    Object.assign(row, { brokerage_name: FILE_BROKERAGE, filename: UPLOAD_FILE });
  await sidebar.restoreFrom(fileFrom(BACKUP_FILE, JSON.stringify(original)));
  await expect(sidebar.preview).toBeVisible();
  await expect(sidebar.root).toContainText(BACKUP_FILE);
  await sidebar.chooseMode('merge');
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toContainText(BACKUP_FILE);
  await expect(catalog.brokerageButton(FILE_BROKERAGE)).toHaveText(FILE_BROKERAGE);
  await expect(sidebar.root.getByText(BACKUP_FILE).first()).toBeVisible();

  await catalog.showView('Upload history');
  await expect(catalog.historyTable).toContainText(UPLOAD_FILE);
  await expect(catalog.historyTable).toContainText(FILE_BROKERAGE);
  await expectNothingInjected(page);

  // A backup of all of it, restored in another browser: the names come back literally.
  const backup = await keepDownload(await sidebar.downloadBackup(), testInfo);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const other = await context.newPage();
  const otherViolations = await watchCspViolations(other);
  await other.goto('/');
  const otherSidebar = new Sidebar(other);
  await otherSidebar.restoreFrom(backup);
  await otherSidebar.confirmRestore();
  await expect(otherSidebar.status(/restored/i)).toBeVisible();
  const otherCatalog = new Catalog(other);
  await otherCatalog.expectBrokerages([FILE_BROKERAGE, BROKERAGE]);
  await otherCatalog.expectConfigurations(BROKERAGE, [CONFIGURATION]);
  await expectNothingInjected(other);
  expect(otherViolations()).toEqual([]);
  await context.close();

  expect(violations()).toEqual([]);
});
