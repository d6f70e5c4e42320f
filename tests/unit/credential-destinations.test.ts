import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_BEARER_TOKEN, startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { createLoadApiSession } from '../../src/platform/load-api';
import { startRequestLogServer, type RequestLogServer } from '../e2e/helpers/request-log-server';
import { LOADS_MAPPING, loadsCsv } from '../support/loads-csv';
import { createApiConfiguration, sendPass } from '../support/processing-support';
import { createTestApi } from '../support/test-api';

/**
 * Where credentials go, with Node's real fetch against two real loopback servers: the demo load
 * API, and an "other host" that logs every request it gets. A redirect is never followed with a
 * key, and a stored key never goes to an address it was not saved with.
 */
let api: DemoApi;
let other: RequestLogServer;

beforeAll(async () => {
  [api, other] = await Promise.all([startDemoApi(), startRequestLogServer()]);
});
afterAll(async () => {
  await Promise.all([api.close(), other.close()]);
});
beforeEach(() => {
  api.reset();
  (other.requests as unknown[]).length = 0;
});

const LOAD = JSON.stringify({ load: { loadNumber: 'LD-1', mode: 'FTL', route: [] }, customer: { name: 'x' } });

describe('a redirect is a failure that names where it pointed, and nothing follows it', () => {
  it.each([307, 308] as const)(
    'token refresh answered %i: Test connection fails, the other host gets nothing',
    async (status) => {
      api.configure({ redirect: { status, to: other.url, paths: ['/token/refresh'] } });
      const session = createLoadApiSession({
        authType: 'api_key',
        baseUrl: api.baseUrl,
        apiKey: DEMO_API_KEY,
        bearerToken: null,
      });
      const check = await session.testConnection('Acme, Inc.');
      expect(check.ok).toBe(false);
      expect(check.message).toContain(
        `The load API at ${api.baseUrl} answered with a redirect to ${other.url}/token/refresh`,
      );
      expect(check.message).toContain('nothing was sent there');
      expect(check.message).not.toContain(DEMO_API_KEY);
      expect(other.requests).toEqual([]);
    },
  );

  it.each([301, 302, 303, 307, 308] as const)(
    'a load POST answered %i stops the run unrecorded; the other host gets nothing',
    async (status) => {
      api.configure({ redirect: { status, to: other.url, paths: ['/v2/loads'] } });
      const session = createLoadApiSession({
        authType: 'bearer_token',
        baseUrl: api.baseUrl,
        apiKey: null,
        bearerToken: DEMO_BEARER_TOKEN,
      });
      const outcome = await session.postLoad(LOAD, 'key-1');
      expect(outcome).toMatchObject({ kind: 'redirected' });
      if (outcome.kind === 'redirected') expect(outcome.message).toContain(`redirect to ${other.url}/v2/loads`);
      expect(other.requests).toEqual([]);
      expect(api.loads).toEqual([]);
    },
  );

  it('a redirect that echoes the key in its address is reported with the key masked', async () => {
    api.configure({ redirect: { status: 307, to: other.url, paths: ['/token'] } });
    const session = createLoadApiSession({
      authType: 'bearer_token',
      baseUrl: api.baseUrl,
      apiKey: null,
      bearerToken: DEMO_BEARER_TOKEN,
    });
    const check = await session.testConnection(DEMO_BEARER_TOKEN);
    expect(check.ok).toBe(false);
    expect(check.message).not.toContain(DEMO_BEARER_TOKEN);
    expect(other.requests).toEqual([]);
  });

  it('an address with a user name, or plain http to another computer, is refused before anything is sent', async () => {
    const withUser = api.baseUrl.replace('http://', 'http://someone@');
    for (const baseUrl of [withUser, 'http://api.example.invalid']) {
      const session = createLoadApiSession({ authType: 'api_key', baseUrl, apiKey: DEMO_API_KEY, bearerToken: null });
      const check = await session.testConnection('Acme, Inc.');
      expect(check.ok).toBe(false);
      expect(await session.postLoad(LOAD, 'key-2')).toMatchObject({ kind: 'unauthorized' });
    }
    expect(api.issuedTokens).toEqual([]);
    expect(api.attempts).toBe(0);
  });
});

describe('a stored secret is bound to its origin', () => {
  it('Test connection with an edited base URL and a blank key sends nothing and asks for the key', async () => {
    const service = await createTestApi();
    const id = await createApiConfiguration(service, api.baseUrl, { ...LOADS_MAPPING });
    const form = {
      configurationId: id,
      brokerageName: 'Acme, Inc.',
      authType: 'api_key' as const,
      apiKey: '',
      bearerToken: '',
    };

    const moved = await service.testConnection({ ...form, baseUrl: other.url });
    expect(moved.ok).toBe(false);
    expect(moved.message).toContain(`The stored API key belongs to ${api.baseUrl}`);
    expect(moved.message).toContain('Type the API key again');
    expect(other.requests).toEqual([]);

    expect(await service.testConnection({ ...form, baseUrl: api.baseUrl })).toMatchObject({ ok: true });
    expect(await service.testConnection({ ...form, baseUrl: '' })).toMatchObject({ ok: true });
    // Typed again, the key goes where it was typed for (and the other host, which answers anything, "connects").
    expect(await service.testConnection({ ...form, baseUrl: other.url, apiKey: 'typed-for-other' })).toMatchObject({
      ok: true,
    });
    expect(other.requests.map((request) => request.body)).toEqual([
      JSON.stringify({ refreshToken: 'typed-for-other' }),
    ]);
  });

  it('a restored address with a user name is kept and marked; a run with it sends nothing', async () => {
    const service = await createTestApi();
    const file = originalBackup(api.baseUrl.replace('http://', 'http://someone@'));
    const preview = await service.inspectBackup({ name: 'old.json', contents: new TextEncoder().encode(file) });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.warnings).toContainEqual(expect.objectContaining({ code: 'address-refused', count: 1 }));
    const restored = await service.applyRestore(preview.value.previewId, 'replace');
    if (!restored.ok) throw new Error(restored.error.message);
    const [view] = await service.listConfigurations('Acme, Inc.');
    expect(view?.addressProblem).toContain('must not contain a user name or password');

    const read = await service.readProcessingFile(new Blob([loadsCsv(5, [])]), 'loads.csv', view?.id ?? -1);
    if (!read.ok) throw new Error(read.error.message);
    const started = await service.startProcessingRun(read.value.fileId, view?.id ?? -1);
    expect(started).toMatchObject({ ok: false, error: { code: 'base-url-credentials' } });
    if (!started.ok)
      expect(started.error.message).toContain('Nothing was sent. Edit the configuration under Brokerages');
    expect((await service.listHistory({ limit: 5 })).rows).toEqual([]);
    expect(api.attempts).toBe(0);
    expect(api.issuedTokens).toEqual([]);
  });

  it('a run whose token refresh is redirected stops with the redirect named; no load is created anywhere', async () => {
    const service = await createTestApi();
    const id = await createApiConfiguration(service, api.baseUrl, { ...LOADS_MAPPING });
    const read = await service.readProcessingFile(new Blob([loadsCsv(6, [])]), 'loads.csv', id);
    if (!read.ok) throw new Error(read.error.message);
    api.configure({ redirect: { status: 307, to: other.url, paths: ['/token/refresh'] } });
    const started = await service.startProcessingRun(read.value.fileId, id);
    if (!started.ok) throw new Error(started.error.message);
    const { result, run } = await sendPass(service, started.value.id, 6);
    expect(result.ended).toBe('stopped');
    expect(result.stopMessage).toContain('answered with a redirect');
    expect(run).toMatchObject({ sent: 0, claimed: 0 });
    expect(api.loads).toEqual([]);
    expect(other.requests).toEqual([]);
  });
});

/** A backup of the original FF2API with one configuration for `baseUrl` (its readers take any text). */
function originalBackup(baseUrl: string): string {
  return JSON.stringify({
    backup_info: { created_at: '2026-11-22T00:43:03.352129', version: '1.0', app_version: 'FF2API v1.0' },
    brokerage_configurations: [
      {
        brokerage_name: 'Acme, Inc.',
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
