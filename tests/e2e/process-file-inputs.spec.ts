import { expect, test } from '@playwright/test';
import { startDemoApi, DEMO_API_KEY, DEMO_BEARER_TOKEN, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { LOADS_HEADER, loadRows, loadsCsv } from '../support/loads-csv';
import { buildXlsx } from '../support/xlsx';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';

// What a user meets around the main flow: an Excel file, files that cannot be processed, the
// connection test, and a run's details and chart in the history.
let server: DemoApi;
test.beforeAll(async () => {
  server = await startDemoApi();
});
test.afterAll(async () => {
  await server.close();
});

test('an .xlsx file is read in the worker (reader loaded only then) and sent like a CSV', async ({ page }) => {
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  server.reset();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.url().endsWith('.js')) scripts.push(request.url());
  });
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
  });
  await processing.open(ACME, 'Daily loads');
  // CSV first: no Excel reader is fetched for it.
  await processing.loadFile('first.csv', loadsCsv(2), 2);
  const readerChunks = () => scripts.filter((url) => /web-worker-[\w-]+\.js$/u.test(url));
  expect(readerChunks()).toEqual([]);

  const workbook = Buffer.from(buildXlsx([[...LOADS_HEADER], ...loadRows(5)]));
  await processing.chooseFile(
    'loads.xlsx',
    workbook,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  await expect(processing.main.getByRole('region', { name: 'File read' })).toContainText('loads.xlsx loaded: 5 rows');
  expect(readerChunks()).toHaveLength(1);
  await processing.main
    .getByRole('region', { name: 'Field mapping' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await expect(processing.main.getByRole('region', { name: 'Validation' })).toContainText('All 5 rows are valid');
  await processing.processData();
  await expect(processing.results).toContainText('5 sent');
  expect(server.loads.map((load) => load.loadNumber).sort()).toEqual([
    'LD-1001',
    'LD-1002',
    'LD-1003',
    'LD-1004',
    'LD-1005',
  ]);
  // A workbook's ZIP code cell is a number; the load still carries it as text.
  expect(
    (server.loads[0]?.body as { load: { route: { address: { postalCode: string } }[] } }).load.route[0]?.address
      .postalCode,
  ).toBe('60601');
});

test('files that cannot be processed say why, and nothing is sent or recorded', async ({ page }) => {
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  server.reset();
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
  });
  await processing.open(ACME, 'Daily loads');
  const cases: [string, Buffer, RegExp][] = [
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), /save it as \.xlsx or \.csv/],
    ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), /not text/],
    ['empty.csv', Buffer.alloc(0), /The file is empty/],
    ['header.csv', Buffer.from('Load Number,Mode\r\n'), /header row but no data rows/],
    ['dup.csv', Buffer.from('City,city\r\nA,B\r\n'), /both become “city”|both named/],
  ];
  for (const [name, contents, message] of cases) {
    await processing.chooseFile(name, contents);
    await expect(processing.alert).toContainText(message);
    await expect(processing.main.getByRole('region', { name: 'File read' })).toHaveCount(0);
  }
  expect(server.attempts).toBe(0);
  await catalog.showView('Upload history');
  await expect(catalog.historyEmpty).toBeVisible();
});

test('Test connection checks the typed credentials against the API', async ({ page }) => {
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.selectBrokerage(ACME);
  await catalog.newConfigurationButton.click();
  const form = page.getByRole('main').getByRole('form', { name: `New configuration for “${ACME}”` });
  await form.getByLabel('API base URL').fill(server.baseUrl);
  await form.getByLabel('API key', { exact: true }).fill('not-the-key');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('Token refresh failed. Please check your API key.');
  await expect(form.getByRole('alert')).not.toContainText('not-the-key');
  await form.getByLabel('API key', { exact: true }).fill(DEMO_API_KEY);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('Connected');

  await form.getByLabel('Authentication type').selectOption({ label: 'Bearer token' });
  await form.getByLabel('Bearer token', { exact: true }).fill(DEMO_BEARER_TOKEN);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('Connected');

  await form.getByLabel('API base URL').fill('http://127.0.0.1:9');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('could not reach the load API at http://127.0.0.1:9');
});

test('a history row opens its run’s details and errors; the chart counts the day’s loads', async ({ page }) => {
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  server.reset();
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
  });
  await processing.open(ACME, 'Daily loads');
  await processing.loadFile('week.csv', loadsCsv(12, [5]), 12);
  await processing.main
    .getByRole('region', { name: 'Field mapping' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await processing.button('Continue anyway').click();
  await processing.processData();
  await expect(processing.results).toContainText('11 sent');

  await catalog.showView('Upload history');
  await expect(page.getByRole('img', { name: /Loads per day, last 90 days: 11 succeeded, 1 failed/ })).toBeVisible();
  await catalog.historyTable.getByRole('button', { name: 'week.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run details: week.csv' });
  await expect(dialog).toContainText('12 rows: 11 sent, 1 failed');
  await expect(dialog.getByRole('table', { name: 'Errors' })).toContainText('Row 5: load.mode is “BOAT”');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
