/** Drives the worker's processing calls the way the Process file view does, for unit tests. */
import { DEFAULT_SEND_OPTIONS, runSendLoop, type SendLoopResult } from '../../src/core/csv/send-loop';
import type { TestApi } from './test-api';
import type { RunView } from '../../src/worker/processing/processing-types';

/** Creates a brokerage and an API-key configuration pointing at `baseUrl`; returns its id. */
export async function createApiConfiguration(
  api: TestApi,
  baseUrl: string,
  mappings: Record<string, string>,
  apiKey = 'demo-api-key',
): Promise<number> {
  await api.createBrokerage('Acme, Inc.');
  const saved = await api.saveConfiguration({
    brokerage_name: 'Acme, Inc.',
    configuration_name: 'Daily loads',
    description: '',
    auth_type: 'api_key',
    base_url: baseUrl,
    api_key: apiKey,
    bearer_token: '',
    field_mappings: mappings,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.id;
}

/** Runs one sending pass of a started (or prepared) run with the real loop and real timers. */
export async function sendPass(
  api: TestApi,
  runId: number,
  total: number,
  options: { concurrency?: number; cancelAfter?: number; baseBackoffMs?: number } = {},
): Promise<{ result: SendLoopResult; run: RunView }> {
  let done = 0;
  const result = await runSendLoop(
    {
      claim: async (max) => {
        const claimed = await api.claimLoads(runId, max);
        if (!claimed.ok) throw new Error(claimed.error.message);
        return claimed.value;
      },
      send: (row, attempt, isLast) => api.sendLoad(runId, row, attempt, isLast),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
      isCancelled: () => options.cancelAfter !== undefined && done >= options.cancelAfter,
      onProgress: (progress) => {
        done = progress.sent + progress.failed;
      },
    },
    {
      ...DEFAULT_SEND_OPTIONS,
      baseBackoffMs: options.baseBackoffMs ?? 10,
      defaultRetryAfterMs: 20,
      concurrency: options.concurrency ?? 4,
      total,
    },
  );
  const ended = await api.endSendPass(runId, result);
  if (!ended.ok) throw new Error(ended.error.message);
  return { result, run: ended.value };
}
