import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { readAllKeySupport, readKeySupport, rememberKeySupport } from '../../src/core/db/load-api-facts';
import {
  sendWithKeyWhereAccepted,
  type IdempotencyKeySupport,
  type NoAnswer,
} from '../../src/platform/idempotency-key-support';
import { openDatabase } from '../../src/core/db/open';
import { loadSqlJs } from '../support/sqljs';
import { createTestApi } from '../support/test-api';
import { LOADS_MAPPING, loadsCsv } from '../support/loads-csv';
import { createApiConfiguration, sendPass } from '../support/processing-support';

/** A request's outcome as the helper sees it: an answer (here a status) or none. */
type Outcome = { status: number } | NoAnswer;

/** Runs the helper over a scripted sequence of outcomes; returns what it decided and the attempts it made. */
async function decide(support: IdempotencyKeySupport, outcomes: Outcome[]) {
  const attempts: boolean[] = [];
  const result = await sendWithKeyWhereAccepted<Outcome>(support, (withKey) => {
    attempts.push(withKey);
    return Promise.resolve(outcomes.shift() ?? { failure: 'network' });
  });
  return { ...result, attempts };
}

describe('the Idempotency-Key header, sent only where the API accepts it', () => {
  it.each([
    ['unknown, answered with the header → accepted', 'unknown', [{ status: 201 }], 'accepted', [true], { status: 201 }],
    [
      'unknown, no answer, then answered without → refused (a refused preflight)',
      'unknown',
      [{ failure: 'network' }, { status: 201 }],
      'refused',
      [true, false],
      { status: 201 },
    ],
    [
      'unknown, no answer either way → still unknown (the network)',
      'unknown',
      [{ failure: 'network' }, { failure: 'network' }],
      'unknown',
      [true, false],
      { failure: 'network' },
    ],
    [
      'unknown, a time-out → no second POST (it may have arrived)',
      'unknown',
      [{ failure: 'timeout' }],
      'unknown',
      [true],
      { failure: 'timeout' },
    ],
    ['refused → never sent', 'refused', [{ status: 201 }], 'refused', [false], { status: 201 }],
    [
      'accepted, no answer → a network failure, no second POST',
      'accepted',
      [{ failure: 'network' }],
      'accepted',
      [true],
      { failure: 'network' },
    ],
    [
      'unknown, a refusal with the header (422) still proves the header passed',
      'unknown',
      [{ status: 422 }],
      'accepted',
      [true],
      { status: 422 },
    ],
  ] as const)('%s', async (_name, support, outcomes, learned, attempts, answer) => {
    const result = await decide(support, [...outcomes]);
    expect(result.support).toBe(learned);
    expect(result.attempts).toEqual(attempts);
    expect(result.answer).toEqual(answer);
  });
});

describe('what is remembered per configuration', () => {
  it('is kept with the API’s origin: another base URL starts unknown again; unknown is never written', async () => {
    const db = openDatabase(await loadSqlJs());
    expect(readKeySupport(db, 7, 'https://api.example.com/v1')).toBeNull();
    rememberKeySupport(db, 7, 'https://api.example.com/v1', 'refused', '2026-12-07T10:00:00.000Z');
    expect(readKeySupport(db, 7, 'https://api.example.com/v2/')).toEqual({
      support: 'refused',
      checkedAt: '2026-12-07T10:00:00.000Z',
    });
    expect(readKeySupport(db, 7, 'https://other.example.com')).toBeNull();
    expect(readKeySupport(db, 8, 'https://api.example.com/v1')).toBeNull();
    rememberKeySupport(db, 8, 'https://api.example.com', 'unknown', '2026-12-07T10:00:00.000Z');
    rememberKeySupport(db, 7, 'https://api.example.com', 'accepted', '2026-12-07T11:00:00.000Z');
    const all = readAllKeySupport(db, (id) => (id === 7 ? 'https://api.example.com' : undefined));
    expect([...all.entries()]).toEqual([[7, { support: 'accepted', checkedAt: '2026-12-07T11:00:00.000Z' }]]);
  });
});

describe('a run finds out and remembers it (Node has no CORS: the demo API accepts the header)', () => {
  let server: DemoApi;
  beforeAll(async () => {
    server = await startDemoApi();
  });
  afterAll(async () => {
    await server.close();
  });

  it('the configuration shows what its first run found out, and every load carried its key', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    expect((await api.listConfigurations('Acme, Inc.'))[0]?.idempotencyKey).toBeUndefined();
    const read = await api.readProcessingFile(new Blob([loadsCsv(6)]), 'six.csv', configurationId);
    if (!read.ok) throw new Error(read.error.message);
    const started = await api.startProcessingRun(read.value.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    await sendPass(api, started.value.id, 6);
    expect((await api.listConfigurations('Acme, Inc.'))[0]?.idempotencyKey).toMatchObject({ support: 'accepted' });
    expect(server.loads.every((load) => typeof load.idempotencyKey === 'string')).toBe(true);
  });
});
