import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoApi, DEMO_API_KEY, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { LOADS_HEADER, loadRows, loadsCsv } from '../support/loads-csv';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';

// Processing trust (docs/design.md): nothing sent twice by accident, a run never out of sight, nothing
// saved half-typed, a likely wrong configuration said first. The demo load API's own record is
// what counts.
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

/** Checks the page as it is now has no axe violation, in the light and the dark colours. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect
      .soft(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${state} (${colorScheme})`,
      )
      .toEqual([]);
  }
}

/** How many times each load number was created. */
function createdCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const load of server.loads) counts.set(load.loadNumber, (counts.get(load.loadNumber) ?? 0) + 1);
  return counts;
}

/** The brokerage and an API-key configuration on the demo API, Process file opened on it. */
async function openProcessFile(page: Page): Promise<{ catalog: Catalog; processing: ProcessFile }> {
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
  return { catalog, processing };
}

/** Reads a file whose mapping is (or becomes, by its suggestions) complete, and validates it. */
async function readAndValidate(processing: ProcessFile, name: string, csv: string, rows: number): Promise<void> {
  await processing.loadFile(name, csv, rows);
  const mapping = processing.main.getByRole('region', { name: 'Field mapping' });
  const validate = processing.button('Validate');
  await expect(mapping.or(validate)).toBeVisible();
  if (await mapping.isVisible()) await mapping.getByRole('button', { name: 'Continue' }).click();
  else await validate.click();
  await expect(processing.main.getByRole('region', { name: 'Validation' })).toContainText(`All ${rows} rows are valid`);
}

test('the same file twice: the warning names the earlier run, and nothing is sent until Send again anyway', async ({
  page,
}) => {
  const { processing } = await openProcessFile(page);
  const csv = loadsCsv(8);
  await readAndValidate(processing, 'monday.csv', csv, 8);
  await processing.processData();
  await expect(processing.results).toContainText('8 sent');

  await processing.loadFile('monday (copy).csv', csv, 8);
  const warning = processing.main.getByRole('alert').filter({ hasText: 'Already processed' });
  await expect(warning).toContainText('was processed with this configuration on');
  await expect(warning).toContainText('8 sent, 0 failed');
  await processing.button('Validate').click();
  await expect(processing.button('Process data')).toBeDisabled();
  await expect(processing.main).toContainText('choose Send again anyway above to send it again');
  expect(server.loads).toHaveLength(8);
  await expectAccessible(page, 'already processed');

  await warning.getByRole('button', { name: 'Send again anyway' }).click();
  await processing.processData();
  await expect(processing.results).toContainText('8 sent');
  // Sent twice only because the user chose to.
  expect([...createdCounts().values()]).toEqual(Array.from({ length: 8 }, () => 2));

  // Another file (other content) says nothing of the kind.
  await processing.loadFile('tuesday.csv', loadsCsv(9), 9);
  await expect(processing.main.getByRole('region', { name: 'File read' })).toBeVisible();
  await expect(processing.main.getByText('Already processed')).toHaveCount(0);
});

test('leaving mid-run: the run goes on, every view says Sending …, coming back shows it; same file → the run', async ({
  page,
}) => {
  const { catalog, processing } = await openProcessFile(page);
  const csv = loadsCsv(40);
  await readAndValidate(processing, 'big.csv', csv, 40);
  // Slow enough that the run is still going while the test walks through the views.
  server.configure({ slowMs: 1000 });
  await processing.button('Process data').click();
  await expect(processing.main.getByRole('region', { name: 'Sending loads' })).toContainText(/[3-9] sent|\d\d sent/);

  await catalog.showView('Upload history');
  await expect(page.getByText(/^Sending … \d+ of 40 loads of big\.csv done/)).toBeVisible();
  await expectAccessible(page, 'sending, seen from Upload history');
  await catalog.showView('Brokerages');
  await expect(page.getByText(/^Sending … /)).toBeVisible();

  await catalog.showView('Process file');
  const progress = processing.main.getByRole('region', { name: 'Sending loads' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  // Choosing the same file while it is being sent points to the run; nothing starts twice.
  await processing.main.getByLabel('Brokerage', { exact: true }).selectOption({ label: ACME });
  await processing.main.getByLabel('Configuration', { exact: true }).selectOption({ label: 'Daily loads' });
  await processing.loadFile('big.csv', csv, 40);
  await expect(
    processing.main.getByRole('alert').filter({ hasText: 'is being sent with this configuration right now' }),
  ).toBeVisible();

  server.configure({ slowMs: 0 });
  await expect(processing.results).toContainText('40 sent', { timeout: 30_000 });
  await expect(page.getByText(/^Sending … /)).toHaveCount(0);
  expect([...createdCounts().values()].filter((count) => count !== 1)).toEqual([]);
  expect(createdCounts().size).toBe(40);
});

test('a tab closed mid-run: Upload history marks the run interrupted, with the counts Process file shows', async ({
  page,
  context,
}) => {
  const { processing } = await openProcessFile(page);
  await readAndValidate(processing, 'closed.csv', loadsCsv(50), 50);
  server.configure({ slowMs: 150 });
  await processing.button('Process data').click();
  await expect(processing.main.getByRole('region', { name: 'Sending loads' })).toContainText(/(1\d|[2-9]\d) sent/);
  await page.close();
  const reachedApi = server.loads.length;
  server.configure({ slowMs: 0 });

  const reopened = await context.newPage();
  await reopened.goto('/');
  const catalog = new Catalog(reopened);
  await catalog.showView('Upload history');
  const row = catalog.main.getByRole('row').filter({ hasText: 'closed.csv' });
  const mark = /interrupted: (\d+) sent, 0 failed, (\d+) not sent, (\d+) uncertain/u;
  await expect(row).toContainText(mark);
  const [, sent, notSent, uncertain] = mark.exec((await row.textContent()) ?? '') ?? [];
  expect(Number(sent) + Number(notSent) + Number(uncertain)).toBe(50);
  // Every load that reached the API is counted as sent or uncertain, never as not sent.
  expect(Number(sent) + Number(uncertain)).toBeGreaterThanOrEqual(reachedApi);
  await expectAccessible(reopened, 'history with an interrupted run');

  await catalog.showView('Process file');
  const again = new ProcessFile(reopened);
  await again.main.getByRole('region', { name: 'Unfinished runs' }).getByRole('button', { name: 'Open run' }).click();
  await expect(again.results).toContainText('Interrupted');
  for (const count of [`${sent} sent`, `${notSent} not sent`, `${uncertain} uncertain`])
    await expect(again.results).toContainText(count);
});

test('a manual value typed with a pause is saved and sent whole: 24, never 2', async ({ page }) => {
  const { processing } = await openProcessFile(page);
  const csv = [[...LOADS_HEADER, 'Weight'], ...loadRows(3).map((cells) => [...cells, '1200'])]
    .map((row) => row.join(','))
    .join('\n');
  await processing.loadFile('weights.csv', csv, 3);
  const mapping = processing.main.getByRole('region', { name: 'Field mapping' });
  // The weight column is offered; taking it brings in the item quantity, which the file lacks.
  await mapping.getByRole('button', { name: 'Use weight for Item total weight (lbs)' }).click();
  await expect(mapping.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await expect(mapping).toContainText('Item quantity is needed because Item total weight (lbs) is mapped');
  await expectAccessible(page, 'mapping with offers and an explained Continue');
  await mapping.getByLabel('Item quantity', { exact: true }).selectOption({ label: 'Manual value…' });
  const box = mapping.getByLabel('Item quantity manual value');
  await box.pressSequentially('2');
  // The pause of someone looking up the next digit: longer than the mapping's save delay.
  await page.waitForTimeout(1500);
  await expect(mapping).toBeVisible();
  await box.pressSequentially('4');
  await mapping.getByRole('button', { name: 'Continue' }).click();
  await expect(processing.main.getByRole('region', { name: 'Validation' })).toContainText('All 3 rows are valid');
  await expect(processing.main.getByRole('region', { name: 'Payload preview' })).toContainText('"quantity": 24');
  await processing.processData();
  await expect(processing.results).toContainText('3 sent');
  expect(
    server.loads.map((load) => (load.body as { load: { items: { quantity: number }[] } }).load.items[0]?.quantity),
  ).toEqual([24, 24, 24]);
});

test('a file of another configuration: the hint first, the better one named, Update configuration not primary', async ({
  page,
}) => {
  const { catalog, processing } = await openProcessFile(page);
  await readAndValidate(processing, 'loads.csv', loadsCsv(3), 3);
  await catalog.showView('Brokerages');
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Freight sample',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: server.baseUrl,
    mappings: [
      { path: 'load.loadNumber', column: 'reference_number' },
      { path: 'load.route.0.address.city', column: 'origin_city' },
      { path: 'load.route.1.address.city', column: 'destination_city' },
      { path: 'load.route.0.expectedArrivalWindowStart', column: 'pickup_date' },
    ],
  });
  const freight = readFileSync(
    fileURLToPath(new URL('../fixtures/original-samples/freight_sample.csv', import.meta.url)),
  );
  await processing.open(ACME, 'Daily loads');
  await processing.loadFile('freight_sample.csv', freight, 5);

  const hint = processing.main.getByRole('alert', { name: 'Configuration check' });
  await expect(hint).toContainText('This file may belong to another configuration');
  // Only its pickup_date and delivery_date are among the loads file's 16 columns.
  await expect(hint).toContainText('It has 2 of the 16 columns “Daily loads” knows');
  // First: above the file's summary and the header check.
  const hintBox = await hint.boundingBox();
  const headerBox = await processing.main.getByRole('region', { name: 'Header check' }).boundingBox();
  expect(hintBox && headerBox && hintBox.y < headerBox.y).toBe(true);
  await expect(processing.button('Update configuration')).not.toHaveClass(/primary/u);
  await expectAccessible(page, 'configuration check');

  await hint.getByRole('button', { name: `Use ${ACME} / Freight sample` }).click();
  await expect(processing.main.getByLabel('Configuration', { exact: true })).toHaveValue(/\d+/u);
  await expect(processing.main.getByLabel('Configuration', { exact: true }).locator('option:checked')).toHaveText(
    'Freight sample',
  );
  await expect(processing.main.getByRole('alert', { name: 'Configuration check' })).toHaveCount(0);
  await expect(processing.main.getByRole('region', { name: 'File read' })).toContainText(
    'freight_sample.csv loaded: 5 rows',
  );
});
