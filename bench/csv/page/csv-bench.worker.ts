/// <reference lib="webworker" />
/**
 * Measures, in a worker as the app does it, the app's processing of a generated N-row CSV (read
 * and checked, fingerprinted, decoded, parsed, headers normalised, every row validated, every
 * valid row's payload built and serialised) against the floor: a bare papaparse parse of the same
 * file. Floor and app alternate round by round.
 */
import Papa from 'papaparse';
import { compileMappingPlan } from '../../../src/core/csv/mapping-plan';
import { createPayloadSerializer } from '../../../src/core/csv/payload';
import { createRowReader } from '../../../src/core/csv/row-reader';
import { readTableFile } from '../../../src/worker/processing/read-file';
import { LOADS_HEADER, LOADS_MAPPING, loadRows } from '../../../tests/support/loads-csv';

let file: Blob | null = null;

const methods: Record<string, (...args: never[]) => unknown> = {
  setup(rows: number) {
    const text = exportWithExtraColumns(rows);
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
        collectGarbage();
        const took: { total: number; steps?: Record<string, number> } =
          kind === 'floor' ? await bareParse(file) : await appPipeline(file);
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
  /** One app round alone, after a garbage collection: the runner samples the heap meanwhile. */
  async appOnce() {
    if (!file) throw new Error('setup first');
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const took = await appPipeline(file);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return took.total;
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

/** Columns a real export carries that no mapping uses (the original's samples have up to 37). */
const EXTRA = ['Trailer Notes', 'Dispatcher', 'Internal Ref', 'Billing Code', 'Lane'];

/** The tests' loads export, 3 rows invalid, widened to a realistic ≈ 230 bytes a row. */
function exportWithExtraColumns(count: number): string {
  const quote = (cell: string) => (/[",\r\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell);
  const lines = [[...LOADS_HEADER, ...EXTRA].join(',')];
  loadRows(count, [7, 21, 40]).forEach((cells, i) => {
    const extra = [
      `Keep dry, door ${i % 40}`,
      `Dispatcher ${i % 12}`,
      `REF-${900000 + i}`,
      `BC-${i % 97}`,
      `CHI-DAL-${i % 5}`,
    ];
    lines.push([...cells, ...extra].map(quote).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** The floor: papaparse reading and parsing the same file, nothing else. */
function bareParse(blob: Blob): Promise<{ total: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    Papa.parse(blob as File, {
      header: false,
      skipEmptyLines: 'greedy',
      complete: (result) =>
        result.data.length > 0 ? resolve({ total: performance.now() - started }) : reject(new Error('no rows')),
      error: (error) => reject(error),
    });
  });
}

/**
 * The app's work on the same file: read it as the app does (bytes checked, fingerprinted,
 * decoded, parsed, headers normalised), then one pass over the rows validating each and writing
 * the JSON body of each valid one, as it would be sent.
 */
async function appPipeline(blob: Blob): Promise<{ total: number; steps: Record<string, number> }> {
  const t0 = performance.now();
  const read = await readTableFile(blob, 'bench.csv', async () => []);
  if (!read.ok) throw new Error(read.error.message);
  const t1 = performance.now();
  const table = read.value;
  const plan = compileMappingPlan(LOADS_MAPPING, table.headers);
  const readRow = createRowReader(plan, table.headers.length);
  const serialize = createPayloadSerializer(plan);
  let bytes = 0;
  let invalid = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const row = readRow(table.rows[i] ?? [], i + 1);
    if (row.problems.length > 0) invalid++;
    else bytes += serialize(row.values).length;
  }
  const t2 = performance.now();
  if (bytes === 0 || invalid !== 3) throw new Error(`unexpected result: ${bytes} bytes, ${invalid} invalid`);
  return { total: t2 - t0, steps: { readParseNormalise: t1 - t0, validateAndBuildPayloads: t2 - t1 } };
}

/** A full garbage collection when Chromium exposes gc() (--js-flags=--expose-gc), so rounds start equal. */
function collectGarbage(): void {
  (self as unknown as { gc?: () => void }).gc?.();
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
