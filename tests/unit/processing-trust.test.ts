import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { DEFAULT_SEND_OPTIONS, runSendLoop } from '../../src/core/csv/send-loop';
import { createTestApi, createTestStore } from '../support/test-api';
import { LOADS_MAPPING, loadsCsv } from '../support/loads-csv';
import { createApiConfiguration, sendPass } from '../support/processing-support';
import type { TestApi } from '../support/test-api';

/**
 * The worker's side of processing trust, over real sql.js and the real demo load API: the same
 * file is never started twice by accident, and how each run stands reaches Upload history.
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

/** Reads a CSV for the configuration; returns the file summary. */
async function read(api: TestApi, csv: string, name: string, configurationId: number) {
  const read = await api.readProcessingFile(new Blob([csv]), name, configurationId);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('the same file, processed again', () => {
  it('is refused until sent again on purpose; the earlier run is named on reading it', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const csv = loadsCsv(5);
    const first = await read(api, csv, 'monday.csv', configurationId);
    expect(first.earlierRuns).toEqual([]);
    const started = await api.startProcessingRun(first.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    await sendPass(api, started.value.id, 5);

    // The same bytes under another name: the earlier run is named, a new run refused.
    const again = await read(api, csv, 'monday (copy).csv', configurationId);
    expect(again.earlierRuns).toEqual([
      expect.objectContaining({
        id: started.value.id,
        fileName: 'monday.csv',
        sent: 5,
        failed: 0,
        standing: 'finished',
      }),
    ]);
    const refused = await api.startProcessingRun(again.fileId, configurationId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'file-already-processed' } });
    expect(server.loads).toHaveLength(5);
    expect((await api.listHistory({ limit: 10 })).rows).toHaveLength(1);

    const sentAgain = await api.startProcessingRun(again.fileId, configurationId, { sendAgain: true });
    expect(sentAgain.ok).toBe(true);

    // Other content, or another configuration: nothing to say.
    expect((await read(api, loadsCsv(6), 'tuesday.csv', configurationId)).earlierRuns).toEqual([]);
  });

  it('is refused while that file is being sent, even with sendAgain', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const csv = loadsCsv(4);
    const file = await read(api, csv, 'big.csv', configurationId);
    const started = await api.startProcessingRun(file.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    // Claimed, not yet ended: the run is being sent from this worker.
    const claimed = await api.claimLoads(started.value.id, 2);
    expect(claimed.ok).toBe(true);
    const same = await read(api, csv, 'big.csv', configurationId);
    expect(same.earlierRuns[0]).toMatchObject({ id: started.value.id, standing: 'sending' });
    expect(await api.startProcessingRun(same.fileId, configurationId, { sendAgain: true })).toMatchObject({
      ok: false,
      error: { code: 'file-being-sent' },
    });
  });
});

describe('Upload history says how this browser’s runs stand', () => {
  it('a finished run has no mark; a cancelled one is marked with its counts', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const finished = await read(api, loadsCsv(3), 'done.csv', configurationId);
    const run1 = await api.startProcessingRun(finished.fileId, configurationId);
    if (!run1.ok) throw new Error(run1.error.message);
    await sendPass(api, run1.value.id, 3);
    const cancelled = await read(api, loadsCsv(20), 'half.csv', configurationId);
    const run2 = await api.startProcessingRun(cancelled.fileId, configurationId);
    if (!run2.ok) throw new Error(run2.error.message);
    const { run } = await sendPass(api, run2.value.id, 20, { cancelAfter: 4, concurrency: 1 });

    const page = await api.listHistory({ limit: 10 });
    expect(page.runMarks).toEqual([
      { id: run2.value.id, standing: 'cancelled', sent: run.sent, failed: 0, notSent: run.notSent, uncertain: 0 },
    ]);
    expect(run.sent + run.notSent).toBe(20);
  });

  it('a run marked sending by a worker that is gone is interrupted, its claims uncertain', async () => {
    const store = await createTestStore();
    const api = await createTestApi({ store });
    const configurationId = await createApiConfiguration(api, server.baseUrl, { ...LOADS_MAPPING });
    const file = await read(api, loadsCsv(12), 'closed.csv', configurationId);
    const started = await api.startProcessingRun(file.fileId, configurationId);
    if (!started.ok) throw new Error(started.error.message);
    // Send a few, claim more, never end the pass: what a closed tab leaves behind.
    let claimedOnce = false;
    await runSendLoop(
      {
        claim: async (max) => {
          if (claimedOnce) return [];
          claimedOnce = true;
          const claimed = await api.claimLoads(started.value.id, Math.min(max, 6));
          if (!claimed.ok) throw new Error(claimed.error.message);
          return claimed.value;
        },
        send: (row, attempt, isLast) => api.sendLoad(started.value.id, row, attempt, isLast),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => Date.now(),
        isCancelled: () => false,
        onProgress: () => undefined,
      },
      { ...DEFAULT_SEND_OPTIONS, concurrency: 2, total: 12, minClaimBatch: 6, maxClaimBatch: 6 },
    );
    // Another worker over the same stored database finds it: the first one is gone.
    await api.flush();
    const reopened = await createTestApi({ store });
    const page = await reopened.listHistory({ limit: 10 });
    expect(page.runMarks).toEqual([
      { id: started.value.id, standing: 'interrupted', sent: 0, failed: 0, notSent: 6, uncertain: 6 },
    ]);
    expect(server.loads).toHaveLength(6);
  });
});
