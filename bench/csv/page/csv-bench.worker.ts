/// <reference lib="webworker" />
/**
 * Measures, in a worker as the app does it, the app's processing of a generated N-row CSV (read
 * and checked, fingerprinted, decoded, parsed, headers normalised, every row validated, every
 * valid row's payload built and serialised) against the floor: a bare papaparse parse of the same
 * file. Floor and app alternate round by round.
 */
import Papa from 'papaparse';
import { createPayloadBuilder } from '../../../src/core/csv/payload';
import { createRowReader } from '../../../src/core/csv/row-reader';
import { validateTable } from '../../../src/core/csv/validate-table';
import { readTableFile } from '../../../src/worker/processing/read-file';
import { LOADS_MAPPING, loadsCsv } from '../../../tests/support/loads-csv';

let file: Blob | null = null;

const methods: Record<string, (...args: never[]) => unknown> = {
  setup(rows: number) {
    const text = loadsCsv(rows, [7, 21, 40]);
    file = new Blob([text], { type: 'text/csv' });
    return { rows, fileBytes: file.size };
  },
  async measure(options: { warmup: number; runs: number }) {
    if (!file) throw new Error('setup first');
    const floor: number[] = [];
    const app: number[] = [];
    const steps: Record<string, number>[] = [];
    for (let round = 0; round < options.warmup + options.runs; round++) {
      const order = round % 2 ? ['app', 'floor'] : ['floor', 'app'];
      for (const kind of order) {
        const took: { total: number; steps?: Record<string, number> } = kind === 'floor' ? await bareParse(file) : await appPipeline(file);
        if (round < options.warmup) continue;
        if (kind === 'floor') floor.push(took.total);
        else {
          app.push(took.total);
          steps.push(took.steps ?? {});
        }
      }
    }
    return { floor, app, steps };
  },
  /** The generated file's text (the runner saves it for the built-app drive). */
  async text() {
    if (!file) throw new Error('setup first');
    return file.text();
  },
  release() {
    file = null;
  },
};

/** The floor: papaparse reading and parsing the same file, nothing else. */
function bareParse(blob: Blob): Promise<{ total: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    Papa.parse(blob as File, {
      header: false,
      skipEmptyLines: 'greedy',
      complete: (result) => (result.data.length > 0 ? resolve({ total: performance.now() - started }) : reject(new Error('no rows'))),
      error: (error) => reject(error),
    });
  });
}

/** The app's steps for the same file, timed one by one. */
async function appPipeline(blob: Blob): Promise<{ total: number; steps: Record<string, number> }> {
  const t0 = performance.now();
  const read = await readTableFile(blob, 'bench.csv', async () => []);
  if (!read.ok) throw new Error(read.error.message);
  const t1 = performance.now();
  const validation = validateTable(read.value, LOADS_MAPPING);
  const t2 = performance.now();
  const readRow = createRowReader(validation.plan, read.value.headers.length);
  const build = createPayloadBuilder(validation.plan);
  let bytes = 0;
  for (const row of validation.validRows) bytes += JSON.stringify(build(readRow(read.value.rows[row - 1] ?? [], row).values)).length;
  const t3 = performance.now();
  if (bytes === 0) throw new Error('no payloads');
  return { total: t3 - t0, steps: { readParseNormalise: t1 - t0, validate: t2 - t1, buildPayloads: t3 - t2 } };
}

self.onmessage = async (event: MessageEvent<{ id: number; method: string; args: never[] }>) => {
  const { id, method, args } = event.data;
  try {
    const fn = methods[method];
    if (!fn) throw new Error(`unknown method ${method}`);
    self.postMessage({ id, ok: true, value: await fn(...args) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
