import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { createTestApi } from '../support/test-api';
import { LOADS_MAPPING, loadNumberOf, loadsCsv } from '../support/loads-csv';
import { createApiConfiguration, sendPass } from '../support/processing-support';

/**
 * The worker's processing service end to end in Node: real sql.js, real fetch, the real demo
 * load API on loopback. The server's own record says what was created.
 */
let server: DemoApi;

beforeAll(async () => {
  server = await startDemoApi();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

/** Load numbers the server created, with how many times each. */
function createdCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const load of server.loads) counts.set(load.loadNumber, (counts.get(load.loadNumber) ?? 0) + 1);
  return counts;
}

describe('processing a file into loads', () => {
  it('sends every valid row once, records invalid rows as failed, and keeps the counts in the history', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const read = await api.readProcessingFile(new Blob([loadsCsv(50, [7, 21, 40])]), 'loads.csv', configurationId);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.rowCount).toBe(50);
    const validation = await api.validateProcessingFile(read.value.fileId, configurationId);
    if (!validation.ok) throw new Error(validation.error.message);
    expect(validation.value).toMatchObject({ valid: 47, invalid: 3, canContinue: true });
    expect(validation.value.problems.map((problem) => [problem.row, problem.field])).toEqual([
      [7, 'load.mode'],
      [21, 'load.route.0.expectedArrivalWindowStart'],
      [40, 'customer.name'],
    ]);

    const started = await api.startProcessingRun(read.value.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    const { run } = await sendPass(api, started.value.id, 47);

    expect(run).toMatchObject({
      total: 50,
      sent: 47,
      failed: 3,
      invalid: 3,
      claimed: 0,
      notSent: 0,
      state: 'finished',
    });
    const created = createdCounts();
    expect(created.size).toBe(47);
    expect([...created.values()].every((count) => count === 1)).toBe(true);
    expect(created.has(loadNumberOf(7))).toBe(false);
    const history = await api.listHistory({ limit: 5 });
    expect(history.rows[0]).toMatchObject({
      filename: 'loads.csv',
      total_records: 50,
      successful_records: 47,
      failed_records: 3,
    });
    const errors = await api.listRunErrors(run.id, 50, 0);
    expect(errors.rows.map((row) => row.row_number)).toEqual([7, 21, 40]);
  });

  it('starts each run with a pinned, verified Before processing snapshot of the database as it was', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const read = await api.readProcessingFile(new Blob([loadsCsv(5)]), 'small.csv', configurationId);
    if (!read.ok) throw new Error(read.error.message);
    expect((await api.listSnapshots()).snapshots).toEqual([]);
    const started = await api.startProcessingRun(read.value.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    const [snapshot, ...others] = (await api.listSnapshots()).snapshots;
    expect(others).toEqual([]);
    expect(snapshot).toMatchObject({ trigger: 'before-processing', verification: { state: 'verified' } });
    // Taken before the run's history row existed.
    expect(snapshot?.counts.upload_history).toBe(0);
    expect(snapshot?.pin).toMatchObject({ kind: 'until' });
  });

  it('a 429 storm and a 5xx burst still end with every valid load created exactly once', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    server.configure({
      faults: [
        { status: 429, retryAfter: 0, count: 12 },
        { status: 503, count: 6 },
        { status: 500, afterCreate: true, count: 3 },
      ],
    });
    const read = await api.readProcessingFile(new Blob([loadsCsv(30)]), 'storm.csv', configurationId);
    if (!read.ok) throw new Error(read.error.message);
    const started = await api.startProcessingRun(read.value.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    const { run } = await sendPass(api, started.value.id, 30);
    expect(run).toMatchObject({ sent: 30, failed: 0 });
    const created = createdCounts();
    expect(created.size).toBe(30);
    expect([...created.values()].every((count) => count === 1)).toBe(true);
    expect(server.attempts).toBeGreaterThan(30 + 12 + 6);
  });

  it('cancel keeps what was sent; Send the rest sends only the others, none twice', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    server.configure({ slowMs: 5 });
    const read = await api.readProcessingFile(new Blob([loadsCsv(40)]), 'cancel.csv', configurationId);
    if (!read.ok) throw new Error(read.error.message);
    const started = await api.startProcessingRun(read.value.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    const first = await sendPass(api, started.value.id, 40, { cancelAfter: 10 });
    expect(first.run.state).toBe('cancelled');
    expect(first.run.sent).toBe(server.loads.length);
    expect(first.run.sent + first.run.notSent).toBe(40);
    expect(first.run.claimed).toBe(0);

    const prepared = await api.prepareResend(started.value.id, 'rest', read.value.fileId);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.value.rows).toBe(first.run.notSent);
    const second = await sendPass(api, started.value.id, prepared.value.rows);
    expect(second.run).toMatchObject({ sent: 40, notSent: 0, state: 'finished' });
    expect([...createdCounts().values()].every((count) => count === 1)).toBe(true);
    expect(createdCounts().size).toBe(40);
  });

  it('a wrong API key stops the run before anything is created, with a plain message', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING }, 'wrong-key');
    const read = await api.readProcessingFile(new Blob([loadsCsv(5)]), 'bad-key.csv', configurationId);
    if (!read.ok) throw new Error(read.error.message);
    const started = await api.startProcessingRun(read.value.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    const { run, result } = await sendPass(api, started.value.id, 5);
    expect(result.ended).toBe('stopped');
    expect(run.stopReason).toMatch(/check your API key/i);
    expect(run).toMatchObject({ sent: 0, notSent: 5, claimed: 0 });
    expect(server.loads).toHaveLength(0);
    expect(JSON.stringify(run)).not.toContain('wrong-key');
  });
});

describe('the header check', () => {
  it('new, then identical once saved; changed columns listed until Update configuration saves them', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const first = await api.readProcessingFile(new Blob([loadsCsv(2)]), 'a.csv', configurationId);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.headerCheck).toEqual({ kind: 'new' });
    const saved = await api.saveFileHeaders(configurationId, first.value.fileId);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.file_headers).toEqual(first.value.headers);

    const again = await api.readProcessingFile(new Blob([loadsCsv(2)]), 'b.csv', configurationId);
    expect(again.ok && again.value.headerCheck).toEqual({ kind: 'identical' });

    const renamed = loadsCsv(2).replace('Customer Name', 'Client Name');
    const changed = await api.readProcessingFile(new Blob([renamed]), 'c.csv', configurationId);
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value.headerCheck).toMatchObject({
      kind: 'changed',
      missing: ['customer_name'],
      added: ['client_name'],
    });
    const changes = (await api.getStatus()).counts.configuration_changes;
    await api.saveFileHeaders(configurationId, changed.value.fileId);
    expect((await api.getStatus()).counts.configuration_changes).toBe(changes + 1);
    const after = await api.readProcessingFile(new Blob([renamed]), 'd.csv', configurationId);
    expect(after.ok && after.value.headerCheck).toEqual({ kind: 'identical' });
  });
});
