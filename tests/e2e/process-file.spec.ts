import { expect, test, type Page } from '@playwright/test';
import { startDemoApi, DEMO_API_KEY, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { loadNumberOf, loadsCsv } from '../support/loads-csv';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { downloadText, ProcessFile } from './pages/process-file';

// Processing a file against the real local load API (scripts/demo-api-server.mjs): what the
// server itself recorded is what counts.
let server: DemoApi;
test.beforeAll(async () => {
  server = await startDemoApi();
});
test.afterAll(async () => {
  await server.close();
});
test.beforeEach(() => {
  server.reset();
});

/** Each load number the server created, with how many times. */
function createdCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const load of server.loads) counts.set(load.loadNumber, (counts.get(load.loadNumber) ?? 0) + 1);
  return counts;
}

test('a 50-row file with 3 invalid rows: 47 loads on the server, 3 failed and listed, history and report', async ({
  page,
}) => {
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
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
  await processing.loadFile('loads.csv', loadsCsv(50, [7, 21, 40]), 50);
  // A new configuration: the columns are suggested, the user only continues.
  const mapping = processing.main.getByRole('region', { name: 'Field mapping' });
  await expect(mapping).toContainText('Required fields 23/23');
  await mapping.getByRole('button', { name: 'Continue' }).click();

  const validation = processing.main.getByRole('region', { name: 'Validation' });
  await expect(validation).toContainText('47 of 50 rows are valid; 3 rows have problems');
  await expect(validation.getByRole('table', { name: /Validation problems/ }).getByRole('row')).toHaveCount(4);
  await processing.button('Continue anyway').click();
  await expect(processing.main.getByRole('region', { name: 'Payload preview' })).toContainText(
    '"loadNumber": "LD-1001"',
  );
  await processing.processData();

  const results = processing.results;
  await expect(results).toContainText('47 sent');
  await expect(results).toContainText('3 failed');
  const failures = results.getByRole('table', { name: /Failed rows/ });
  for (const row of [7, 21, 40]) await expect(failures).toContainText(String(row));
  await expect(failures).toContainText(loadNumberOf(7));

  const created = createdCounts();
  expect(created.size).toBe(47);
  expect([...created.values()].every((count) => count === 1)).toBe(true);
  for (const row of [7, 21, 40]) expect(created.has(loadNumberOf(row))).toBe(false);

  const report = await processing.download('Download report');
  expect(report.suggestedFilename()).toMatch(/^processing_report_\d{8}_\d{6}\.json$/);
  const reportText = await downloadText(report);
  // Credentials never reach a report or a download.
  expect(reportText).not.toContain(DEMO_API_KEY);
  const parsed = JSON.parse(reportText) as {
    summary: { sent: number; failed: number; total: number };
    failures: { row: number }[];
  };
  expect(parsed.summary).toMatchObject({ total: 50, sent: 47, failed: 3 });
  expect(parsed.failures.map((failure) => failure.row)).toEqual([7, 21, 40]);

  const failedRows = await downloadText(await processing.download('Download failed rows'));
  expect(failedRows).not.toContain(DEMO_API_KEY);
  const lines = failedRows.trim().split('\r\n');
  expect(lines[0]).toBe(
    'Load Number,Mode,Rate Type,Status,Pickup Street,Pickup City,Pickup State,Pickup ZIP,Pickup Date,Delivery Street,Delivery City,Delivery State,Delivery ZIP,Delivery Date,Customer Name,Notes,error',
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(loadNumberOf(7));

  await catalog.showView('Upload history');
  const rows = await catalog.historyRows();
  expect(rows[0]?.slice(1)).toEqual([ACME, 'Daily loads', 'loads.csv', '50', '47', '3']);
});

/** Creates the brokerage and an API-key configuration on the demo server whose mapping is complete. */
async function setUp(
  page: Page,
  processing: ProcessFile,
  file: { name: string; csv: string; rows: number },
): Promise<void> {
  const catalog = new Catalog(page);
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
  await processing.loadFile(file.name, file.csv, file.rows);
  await processing.main
    .getByRole('region', { name: 'Field mapping' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await expect(processing.main.getByRole('region', { name: 'Validation' })).toContainText(
    `All ${file.rows} rows are valid`,
  );
}

/** Every load of the file was created exactly once. */
function expectEachCreatedOnce(rows: number): void {
  const created = createdCounts();
  expect([...created.entries()].filter(([, count]) => count !== 1)).toEqual([]);
  expect(created.size).toBe(rows);
}

test('a 429 storm and a 5xx burst still end with every valid load sent exactly once', async ({ page }) => {
  const processing = new ProcessFile(page);
  await setUp(page, processing, { name: 'storm.csv', csv: loadsCsv(30), rows: 30 });
  server.configure({
    faults: [
      { status: 429, retryAfter: 1, count: 8 },
      { status: 503, count: 6 },
      { status: 500, afterCreate: true, count: 3 },
    ],
  });
  await processing.processData();
  await expect(processing.results).toContainText('30 sent');
  await expect(processing.results).toContainText('0 failed');
  expectEachCreatedOnce(30);
  expect(server.attempts).toBeGreaterThanOrEqual(30 + 8 + 6 + 3);
});

test('cancel mid-run keeps what was sent; Send the rest sends the others, none twice', async ({ page }) => {
  const processing = new ProcessFile(page);
  await setUp(page, processing, { name: 'cancel.csv', csv: loadsCsv(40), rows: 40 });
  server.configure({ slowMs: 120 });
  await processing.button('Process data').click();
  const progress = processing.main.getByRole('region', { name: 'Sending loads' });
  await expect(progress).toContainText(/([5-9]|\d\d) sent/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(processing.results).toContainText('Cancelled');
  const sentBefore = server.loads.length;
  expect(sentBefore).toBeGreaterThan(0);
  expect(sentBefore).toBeLessThan(40);
  await expect(processing.results).toContainText(`${sentBefore} sent`);
  await expect(processing.results).toContainText(`${40 - sentBefore} not sent`);

  server.configure({ slowMs: 0 });
  await processing.results.getByRole('button', { name: 'Send the rest' }).click();
  await expect(processing.results).toContainText('Finished');
  await expect(processing.results).toContainText('40 sent');
  expectEachCreatedOnce(40);
});

test('closing the tab mid-run: reopened, the run shows as interrupted and the rest is sent once', async ({
  page,
  context,
}) => {
  const processing = new ProcessFile(page);
  const csv = loadsCsv(50);
  await setUp(page, processing, { name: 'closed.csv', csv, rows: 50 });
  server.configure({ slowMs: 150 });
  await processing.button('Process data').click();
  await expect(processing.main.getByRole('region', { name: 'Sending loads' })).toContainText(/(1\d|[2-9]\d) sent/);
  await page.close();
  const createdAtClose = server.loads.length;
  server.configure({ slowMs: 0 });

  const reopened = await context.newPage();
  const again = new ProcessFile(reopened);
  await reopened.goto('/');
  await new Catalog(reopened).showView('Process file');
  const unfinished = again.main.getByRole('region', { name: 'Unfinished runs' });
  await expect(unfinished).toContainText('closed.csv');
  await expect(unfinished).toContainText('Interrupted');
  await unfinished.getByRole('button', { name: 'Open run' }).click();
  await expect(again.results).toContainText('Interrupted');
  await again.results
    .getByLabel(/Choose the same file to continue/)
    .setInputFiles({ name: 'closed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await again.results.getByRole('button', { name: 'Send the rest' }).click();
  await expect(again.results).toContainText('Finished');
  // Nothing twice so far: the rest went once, and the loads that were on their way when the tab
  // closed are uncertain — never resent without the user asking.
  expect([...createdCounts().values()].filter((count) => count > 1)).toEqual([]);
  await expect(again.results).toContainText(/\d+ uncertain/);
  // Resent with the keys of their first POST: the server creates none of them twice.
  await again.results.getByRole('button', { name: 'Resend uncertain rows' }).click();
  await expect(again.results).not.toContainText('uncertain');
  await expect(again.results).toContainText('50 sent');
  expect(createdAtClose).toBeGreaterThan(0);
  expectEachCreatedOnce(50);
});
