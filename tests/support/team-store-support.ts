import { expect } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { ObjectStore } from '../../src/core/team-store/object-store';
import type { ConnectionReport } from '../../src/platform/team-store/connection-check';
import type { StoreTransport } from '../../src/worker/team-store/store-transport';
import type { ConnectRequest } from '../../src/worker/team-store/team-store-types';
import { memoryUploadQueue, type UploadQueueStore } from '../../src/worker/team-store/upload-queue-store';
import { MemoryObjectStore } from './memory-object-store';
import { createTestApi, type TestApi, type TestApiOptions } from './test-api';

/**
 * The team store feature over the in-memory object store (real sql.js, real envelope and keys):
 * a transport whose check passes (the S3 check itself is tested against Ceph in tests/store), and
 * browsers of one team sharing one store.
 */

export const TEAM_PASSPHRASE = 'river lantern copper meadow';

/** A transport to `store` whose connection check passes every step. */
export function memoryTransport(store: ObjectStore): StoreTransport {
  const report: ConnectionReport = {
    ok: true,
    steps: [{ id: 'reach', status: 'ok', message: 'The store answered.' }],
    corsRule: { json: '[]', xml: '<CORSConfiguration/>' },
  };
  return { open: () => store, check: () => Promise.resolve(report), protection: () => Promise.resolve([]) };
}

export interface TeamBrowser {
  api: TestApi;
  clock: ReturnType<typeof fixedClock>;
  uploads: UploadQueueStore;
}

/** One browser of the team: its own database and queue, the team's store. */
export async function teamBrowser(
  store: ObjectStore,
  options: TestApiOptions & { uploads?: UploadQueueStore; start?: string } = {},
): Promise<TeamBrowser> {
  const clock = fixedClock(options.start ?? '2026-11-22T08:00:00.000Z');
  const uploads = options.uploads ?? memoryUploadQueue();
  const api = await createTestApi({
    clock,
    ...options,
    teamStore: {
      openUploads: () => Promise.resolve({ ok: true, value: uploads }),
      transport: memoryTransport(store),
      runExclusive: (work) => work(),
      random: () => 0.5,
    },
  });
  return { api, clock, uploads };
}

export function connectRequest(change: Partial<ConnectRequest> = {}): ConnectRequest {
  return {
    endpoint: 'https://s3.us-east-1.amazonaws.com',
    region: 'us-east-1',
    bucket: 'team-backups',
    prefix: 'ff2api/',
    addressing: 'path',
    accessKeyId: 'AKIATESTKEY',
    secretAccessKey: 'test-secret-never-in-a-file',
    passphrase: TEAM_PASSPHRASE,
    browserName: 'Dispatch desk 1',
    person: 'Dana',
    origin: 'https://ff2api.example.com',
    ...change,
  };
}

/** Creates the team (first browser) and returns the recovery key. */
export async function createTeam(browser: TeamBrowser, change: Partial<ConnectRequest> = {}): Promise<string> {
  const outcome = await browser.api.connectTeamStore(connectRequest({ confirmPassphrase: TEAM_PASSPHRASE, ...change }));
  if (!outcome.ok || outcome.value.state !== 'connected') throw new Error(`not connected: ${JSON.stringify(outcome)}`);
  expect(outcome.value.created).toBe(true);
  return outcome.value.recoveryKey ?? '';
}

/** A brokerage with a configuration whose API key is `apiKey`. */
export async function seedBrokerage(api: TestApi, name: string, apiKey: string): Promise<void> {
  expect((await api.createBrokerage(name)).ok).toBe(true);
  const saved = await api.saveConfiguration({
    brokerage_name: name,
    configuration_name: 'Main',
    description: 'lane',
    auth_type: 'api_key',
    base_url: 'https://api.prod.goaugment.com',
    api_key: apiKey,
    bearer_token: '',
    field_mappings: { 'load.mode': 'MANUAL_VALUE:FTL' },
  });
  expect(saved.ok).toBe(true);
}

/** Makes a backup file and sends its copy to the store, as the sidebar does after saving it. */
export async function backUpToStore(api: TestApi, kind: 'manual' | 'emergency' | 'daily' = 'manual') {
  const file = await api.createBackup({ trigger: kind === 'emergency' ? 'emergency' : 'manual', secrets: 'plain' });
  if (!file.ok) throw new Error(file.error.message);
  return { file: file.value, outcome: await api.sendBackupToStore(file.value, kind) };
}

export function newMemoryStore(): MemoryObjectStore {
  return new MemoryObjectStore();
}
