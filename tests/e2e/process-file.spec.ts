import { expect, test } from '@playwright/test';
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

test('a 50-row file with 3 invalid rows: 47 loads on the server, 3 failed and listed, history and report', async ({ page }) => {
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({ brokerage: ACME, name: 'Daily loads', authType: 'api_key', apiKey: DEMO_API_KEY, baseUrl: server.baseUrl });

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
  await expect(processing.main.getByRole('region', { name: 'Payload preview' })).toContainText('"loadNumber": "LD-1001"');
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
  const parsed = JSON.parse(await downloadText(report)) as { summary: { sent: number; failed: number; total: number }; failures: { row: number }[] };
  expect(parsed.summary).toMatchObject({ total: 50, sent: 47, failed: 3 });
  expect(parsed.failures.map((failure) => failure.row)).toEqual([7, 21, 40]);

  const failedRows = await downloadText(await processing.download('Download failed rows'));
  const lines = failedRows.trim().split('\r\n');
  expect(lines[0]).toBe('Load Number,Mode,Rate Type,Status,Pickup Street,Pickup City,Pickup State,Pickup ZIP,Pickup Date,Delivery Street,Delivery City,Delivery State,Delivery ZIP,Delivery Date,Customer Name,Notes,error');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(loadNumberOf(7));

  await catalog.showView('Upload history');
  const rows = await catalog.historyRows();
  expect(rows[0]?.slice(1)).toEqual([ACME, 'Daily loads', 'loads.csv', '50', '47', '3']);
});
