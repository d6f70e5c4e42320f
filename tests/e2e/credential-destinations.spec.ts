import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_API_KEY, DEMO_BEARER_TOKEN, startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { LOADS_MAPPING, loadsCsv } from '../support/loads-csv';
import { fileFrom } from './helpers/backup-files';
import { startRequestLogServer, type RequestLogServer } from './helpers/request-log-server';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';
import { Sidebar } from './pages/sidebar';
import { violations } from './helpers/axe';

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
      : {
          brokerage: ACME,
          name: 'Daily loads',
          authType: 'bearer_token',
          bearerToken: DEMO_BEARER_TOKEN,
          baseUrl: api.baseUrl,
        },
  );
  await catalog.configurationList(ACME).getByRole('button', { name: 'Edit Daily loads', exact: true }).click();
  return page.getByRole('main').getByRole('form', { name: 'Edit “Daily loads”' });
}

for (const status of [307, 308] as const) {
  test(`a ${status} from the token refresh: Test connection says the API redirected; nothing goes elsewhere`, async ({
    page,
  }) => {
    const form = await savedConfiguration(page, 'api_key');
    api.configure({ redirect: { status, to: other.url, paths: ['/token/refresh'] } });
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('alert')).toContainText(`The load API at ${api.baseUrl} answered with a redirect`);
    await expect(form.getByRole('alert')).toContainText('nothing was sent there');
    await expect(form.getByRole('status')).toHaveCount(0);
    expect(other.requests).toEqual([]);
  });

  test(`a ${status} from a load POST: the run stops, says the API redirected, nothing reaches the other host`, async ({
    page,
  }) => {
    const processing = new ProcessFile(page);
    await savedConfiguration(page, 'bearer_token');
    await processing.open(ACME, 'Daily loads');
    await processing.loadFile('loads.csv', loadsCsv(6, []), 6);
    await processing.main
      .getByRole('region', { name: 'Field mapping' })
      .getByRole('button', { name: 'Continue' })
      .click();
    api.configure({ redirect: { status, to: other.url, paths: ['/v2/loads'] } });
    await processing.processData();
    await expect(processing.results).toContainText('answered with a redirect');
    await expect(processing.results).toContainText('0 sent');
    expect(api.loads).toEqual([]);
    expect(other.requests).toEqual([]);
  });
}

test('an edited base URL, key left blank: the form asks for the key; Test connection and Save send it nowhere', async ({
  page,
}) => {
  const form = await savedConfiguration(page, 'api_key');
  const key = form.getByLabel('API key', { exact: true });
  await form.getByLabel('API base URL').fill(other.url);
  await expect(key).toHaveAccessibleDescription(
    `The stored API key is only ever sent to ${api.baseUrl}. For ${other.url}, type the API key again.`,
  );
  expect(await violations(page), 'the form asking for the key again').toEqual([]);

  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText(`The stored API key belongs to ${api.baseUrl}`);
  await expect(form.getByRole('alert')).toContainText('Type the API key again');

  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Nothing was saved.' })).toContainText(
    'Type the API key again',
  );
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert').first()).toContainText('Type the API key again');
  expect(await violations(page), 'the form refusing').toEqual([]);

  // Saved or not, the stored key still belongs to the demo API: a run would send it there only.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(new Catalog(page).configurationList(ACME)).toContainText(api.baseUrl);
  expect(other.requests).toEqual([]);
});

test('a restored configuration whose address carries a user name is kept and marked; nothing is sent with it', async ({
  page,
}) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  const processing = new ProcessFile(page);
  await page.goto('/');
  const withUser = api.baseUrl.replace('http://', 'http://someone@');
  await sidebar.restoreFrom(fileFrom('ff2api_backup_20261122_004303.json', originalBackup(withUser)));
  await expect(sidebar.preview).toContainText('marked “Check API address”');
  await sidebar.confirmRestore();
  await expect(sidebar.status(/restored/i)).toBeVisible();

  await catalog.selectBrokerage(ACME);
  const item = catalog.configurationList(ACME).getByRole('listitem').filter({ hasText: 'Daily loads' });
  await expect(item).toContainText('Check API address');
  await expect(item).toContainText('must not contain a user name or password');
  expect(await violations(page), 'a configuration marked “Check API address”').toEqual([]);

  await processing.open(ACME, 'Daily loads (check API address)');
  await expect(processing.main).toContainText(
    'Nothing can be sent with this configuration until its API address is corrected',
  );
  expect(await violations(page), 'Process file with such a configuration').toEqual([]);
  expect(api.attempts).toBe(0);
  expect(api.issuedTokens).toEqual([]);
});

/** A backup of the original FF2API with one configuration for `baseUrl` (it stored any text there). */
function originalBackup(baseUrl: string): string {
  return JSON.stringify({
    backup_info: { created_at: '2026-11-22T00:43:03.352129', version: '1.0', app_version: 'FF2API v1.0' },
    brokerage_configurations: [
      {
        brokerage_name: ACME,
        configuration_name: 'Daily loads',
        field_mappings: LOADS_MAPPING,
        api_credentials: { base_url: baseUrl, api_key: DEMO_API_KEY },
        auth_type: 'api_key',
        bearer_token: null,
        file_headers: null,
        created_at: '2026-11-22 00:43:03',
        updated_at: '2026-11-22 00:43:03',
        description: null,
      },
    ],
    upload_history: [],
    processing_errors: [],
  });
}
