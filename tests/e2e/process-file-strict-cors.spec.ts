import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoApi, DEMO_API_KEY, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';

// A load API written by others: its CORS lets a browser send only Authorization and
// Content-Type, so Chromium refuses any POST carrying Idempotency-Key before it leaves. The file
// is the original FF2API's own sample, MC numbers written `MC456789`.
let strict: DemoApi;
test.beforeAll(async () => {
  strict = await startDemoApi({ strictCors: true });
});
test.afterAll(async () => {
  await strict.close();
});

const SAMPLE = readFileSync(
  fileURLToPath(new URL('../fixtures/original-samples/comprehensive_sample.csv', import.meta.url)),
);

test('the original’s sample against an API allowing only Authorization and Content-Type: each load once', async ({
  page,
}) => {
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Strict API',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: strict.baseUrl,
  });

  await processing.open(ACME, 'Strict API');
  await processing.loadFile('comprehensive_sample.csv', SAMPLE, 15);
  const mapping = processing.main.getByRole('region', { name: 'Field mapping' });
  await expect(mapping).toContainText('Required fields 23/23');
  // The MC number is optional: offered, taken deliberately.
  await mapping.getByRole('button', { name: 'Use carrier.mcnumber for Carrier MC number' }).click();
  await mapping.getByRole('button', { name: 'Continue' }).click();
  await expect(processing.main.getByRole('region', { name: 'Validation' })).toContainText('All 15 rows are valid');
  const preview = processing.main.getByRole('region', { name: 'Payload preview' });
  await expect(preview).toContainText('"mcNumber": 456789');
  await expect(preview).toContainText('carrier.mcNumber: “MC456789” → 456789');
  await processing.processData();
  await expect(processing.results).toContainText('15 sent');
  await expect(processing.results).toContainText('0 failed');

  // The server's own record: each load once, none with the header it does not allow.
  const numbers = strict.loads.map((load) => load.loadNumber).sort();
  expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => `CSVTEST${i + 1}`).sort());
  expect(strict.loads.every((load) => load.idempotencyKey === null)).toBe(true);
  expect(strict.loads.find((load) => load.loadNumber === 'CSVTEST1')?.body).toMatchObject({
    carrier: { mcNumber: 456789 },
  });
  expect(strict.preflights.refused).toBeGreaterThan(0);

  // Remembered and shown on the configuration; a second file goes without even trying the header.
  await catalog.showView('Brokerages');
  await catalog.selectBrokerage(ACME);
  await expect(catalog.configurationList(ACME)).toContainText(
    'Idempotency-Key: not allowed by this API’s CORS settings',
  );
  const refusedBefore = strict.preflights.refused;
  await processing.open(ACME, 'Strict API');
  const second = SAMPLE.toString('utf8').replace(/CSVTEST(\d+)/gu, 'CSVNEXT$1');
  await processing.loadFile('comprehensive_sample_2.csv', second, 15);
  await processing.button('Validate').click();
  await processing.processData();
  await expect(processing.results).toContainText('15 sent');
  expect(strict.loads).toHaveLength(30);
  expect(strict.preflights.refused).toBe(refusedBefore);
});

test('Test connection finds out, says so, and the configuration shows it', async ({ page }) => {
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Strict API',
    authType: 'api_key',
    apiKey: DEMO_API_KEY,
    baseUrl: strict.baseUrl,
  });
  await expect(catalog.configurationList(ACME)).toContainText('Idempotency-Key: not known yet');
  await catalog.configurationList(ACME).getByRole('button', { name: 'Edit Strict API' }).click();
  const form = page.getByRole('main').getByRole('form', { name: /Edit/ });
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('Connected');
  await expect(form.getByRole('status')).toContainText('does not let this page send the Idempotency-Key header');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(catalog.configurationList(ACME)).toContainText(
    'Idempotency-Key: not allowed by this API’s CORS settings',
  );
});
