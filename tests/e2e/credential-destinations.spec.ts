import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_API_KEY, DEMO_BEARER_TOKEN, startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { loadsCsv } from '../support/loads-csv';
import { startRequestLogServer, type RequestLogServer } from './helpers/request-log-server';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';

/**
 * Credentials go only where they belong, in Chromium against two real loopback origins: the demo
 * load API, and an "other host" that allows any page to call it and logs every request it gets
 * (preflights included). Whatever the API answers and whatever is typed over the address, the
 * other host receives nothing.
 */
let api: DemoApi;
let other: RequestLogServer;

test.beforeAll(async () => {
  [api, other] = await Promise.all([startDemoApi(), startRequestLogServer()]);
});
test.afterAll(async () => {
  await Promise.all([api.close(), other.close()]);
});
test.beforeEach(() => {
  api.reset();
  (other.requests as unknown[]).length = 0;
});

/** Opens the app with ACME and a saved `Daily loads` configuration for the demo API; returns its edit form. */
async function savedConfiguration(page: Page, auth: 'api_key' | 'bearer_token'): Promise<Locator> {
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration(
    auth === 'api_key'
      ? { brokerage: ACME, name: 'Daily loads', authType: 'api_key', apiKey: DEMO_API_KEY, baseUrl: api.baseUrl }
      : { brokerage: ACME, name: 'Daily loads', authType: 'bearer_token', bearerToken: DEMO_BEARER_TOKEN, baseUrl: api.baseUrl },
  );
  await catalog.configurationList(ACME).getByRole('button', { name: 'Edit Daily loads', exact: true }).click();
  return page.getByRole('main').getByRole('form', { name: 'Edit “Daily loads”' });
}

for (const status of [307, 308] as const) {
  test(`a ${status} from the token refresh: Test connection says the API redirected, the other host receives nothing`, async ({ page }) => {
    const form = await savedConfiguration(page, 'api_key');
    api.configure({ redirect: { status, to: other.url, paths: ['/token/refresh'] } });
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('alert')).toContainText(`The load API at ${api.baseUrl} answered with a redirect`);
    await expect(form.getByRole('alert')).toContainText('nothing was sent there');
    await expect(form.getByRole('status')).toHaveCount(0);
    expect(other.requests).toEqual([]);
  });

  test(`a ${status} from a load POST: the run stops, says the API redirected, nothing reaches the other host`, async ({ page }) => {
    const processing = new ProcessFile(page);
    await savedConfiguration(page, 'bearer_token');
    await processing.open(ACME, 'Daily loads');
    await processing.loadFile('loads.csv', loadsCsv(6, []), 6);
    await processing.main.getByRole('region', { name: 'Field mapping' }).getByRole('button', { name: 'Continue' }).click();
    api.configure({ redirect: { status, to: other.url, paths: ['/v2/loads'] } });
    await processing.processData();
    await expect(processing.results).toContainText('answered with a redirect');
    await expect(processing.results).toContainText('0 sent');
    expect(api.loads).toEqual([]);
    expect(other.requests).toEqual([]);
  });
}

test('an edited base URL with the key left blank: the form asks for the key beside the field; Test connection and Save send nothing there', async ({ page }) => {
  const form = await savedConfiguration(page, 'api_key');
  const key = form.getByLabel('API key', { exact: true });
  await form.getByLabel('API base URL').fill(other.url);
  await expect(key).toHaveAccessibleDescription(
    `The stored API key is only ever sent to ${api.baseUrl}. For ${other.url}, type the API key again.`,
  );

  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText(`The stored API key belongs to ${api.baseUrl}`);
  await expect(form.getByRole('alert')).toContainText('Type the API key again');

  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Nothing was saved.' })).toContainText('Type the API key again');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert').first()).toContainText('Type the API key again');

  // Saved or not, the stored key still belongs to the demo API: a run would send it there only.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(new Catalog(page).configurationList(ACME)).toContainText(api.baseUrl);
  expect(other.requests).toEqual([]);
});
