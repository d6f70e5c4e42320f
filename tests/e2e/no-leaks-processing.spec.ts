import { expect, test } from '@playwright/test';
import { DEMO_API_KEY, DEMO_BEARER_TOKEN, startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { loadsCsv } from '../support/loads-csv';
import { LeakGrep } from './helpers/leak-grep';
import { ACME } from './helpers/seed';
import { AppLockPage } from './pages/app-lock';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';

// Issue 10 "no leaks", the processing half: a run that refreshes its token, meets a 401, a
// refused key and refused loads leaves none of the credentials — the API key, the bearer token,
// a wrong key typed into Test connection, or any access token the API handed out — in its
// reports, its failed- and successful-rows files, the run details, the console, the page, or
// (with the lock on) IndexedDB.

const WRONG_KEY = 'ak-wrong-key-typed-4711';
const PASSPHRASE = 'nothing leaks while processing';

let server: DemoApi;
test.beforeAll(async () => {
  server = await startDemoApi();
});
test.afterAll(async () => {
  await server.close();
});

test('a processing run leaves no credential or access token in any report, file, message or stored record', async ({
  page,
  context,
}) => {
  const grep = LeakGrep.watch(context);
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);

  // Test connection with a wrong key (an error detail) and with a bearer token (a success).
  await catalog.selectBrokerage(ACME);
  await catalog.newConfigurationButton.click();
  const form = page.getByRole('main').getByRole('form', { name: `New configuration for “${ACME}”` });
  await form.getByLabel('API base URL').fill(server.baseUrl);
  await form.getByLabel('API key', { exact: true }).fill(WRONG_KEY);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('Token refresh failed');
  await grep.capture(page, 'wrong key tested');
  await form.getByLabel('Authentication type').selectOption({ label: 'Bearer token' });
  await form.getByLabel('Bearer token', { exact: true }).fill(DEMO_BEARER_TOKEN);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('Connected');
  await grep.capture(page, 'bearer tested');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
  });

  // A run with invalid rows, a load the API refuses, server errors and an expired token (401 →
  // a second token refresh).
  await processing.open(ACME, 'Daily loads');
  await processing.loadFile('leaks.csv', loadsCsv(20, [4, 11]), 20);
  await processing.main
    .getByRole('region', { name: 'Field mapping' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await processing.button('Continue anyway').click();
  server.configure({ faults: [{ status: 503, count: 2 }], rejectLoadNumbers: ['LD-1015'], slowMs: 150 });
  await processing.button('Process data').click();
  await expect(processing.main.getByRole('region', { name: 'Sending loads' })).toContainText(/([4-9]|1\d) sent/, {
    timeout: 30_000,
  });
  server.configure({ expireTokens: true, slowMs: 0 });
  await expect(processing.results).toBeVisible({ timeout: 30_000 });
  await expect(processing.results).toContainText('17 sent');
  await expect(processing.results).toContainText('3 failed');
  await processing.download('Download report');
  await processing.download('Download failed rows');
  await processing.download('Download successful rows');
  await grep.capture(page, 'results');

  // The run's details in the history.
  await catalog.showView('Upload history');
  await catalog.historyTable.getByRole('button', { name: 'leaks.csv' }).click();
  const details = page.getByRole('dialog', { name: 'Run details: leaks.csv' });
  await expect(details).toContainText('20 rows: 17 sent, 3 failed');
  await grep.capture(page, 'run details');
  await details.getByRole('button', { name: 'Close' }).click();

  // With the lock on, nothing of it is readable at rest.
  const lock = new AppLockPage(page);
  await lock.turnOn(PASSPHRASE);
  await grep.capture(page, 'lock on', { indexedDb: true });

  const tokens = server.issuedTokens;
  expect(tokens.length, 'the run refreshed its token after the 401').toBeGreaterThanOrEqual(2);
  const artefacts = await grep.all();
  const downloads = artefacts
    .filter((a) => a.source.startsWith('download '))
    .map((a) => a.source.replace(/_\d{8}_\d{6}\./, '_….'));
  expect(downloads.sort()).toEqual([
    'download failed_rows_….csv',
    'download processing_report_….json',
    'download successful_rows_….csv',
  ]);
  // The grep read the files themselves: the refused load is named in the report and the failed rows.
  expect((await grep.find(['LD-1015'])).map((leak) => leak.source.replace(/_\d{8}_\d{6}\./, '_….'))).toEqual(
    expect.arrayContaining(['download processing_report_….json', 'download failed_rows_….csv']),
  );
  expect(await grep.find([DEMO_API_KEY, DEMO_BEARER_TOKEN, WRONG_KEY, ...tokens])).toEqual([]);
});
