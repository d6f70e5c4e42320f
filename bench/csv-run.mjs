#!/usr/bin/env node
// npm run bench:csv [-- --rows=100000] [--runs=3] [--send-rows=3000] [--skip-app]
//
// The CSV section of BENCHMARKS.md (docs/performance.md's two CSV targets), in Debian's Chromium:
// 1. In a worker: the app's processing of an N-row CSV (read, fingerprint, decode, parse,
//    normalise, validate every row, build and serialise every payload) against a bare papaparse
//    parse of the same file, alternating, median of `runs` after a warm-up; the worker's JS heap
//    peak (CDP) against the file's size.
// 2. The built app: choosing that file and validating it (longest main-thread task), then sending
//    a smaller file to the local demo load API with concurrency 4 (loads per second, end to end).
// Writes bench/results/csv-latest.json and the CSV part of BENCHMARKS.md. Never fails on slowness.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sampleWorkerHeap } from './node/heap.mjs';
import { summarize } from './node/report.mjs';
import { REPO, viteBuild, vitePreview } from './node/servers.mjs';
import { startDemoApi, DEMO_API_KEY } from '../scripts/demo-api-server.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ROWS = Number(option('rows', '100000'));
const RUNS = Math.max(3, Number(option('runs', '3')));
const SEND_ROWS = Number(option('send-rows', '3000'));
const SKIP_APP = argv.includes('--skip-app');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--js-flags=--expose-gc',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const OUT = join(REPO, 'bench/.out');
const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] csv: ${message}`);
const cleanups = [];

async function inWorker(browser) {
  log('building the CSV bench page');
  viteBuild(['--config', 'bench/csv/vite.config.ts'], 'the CSV bench page');
  const server = await vitePreview(
    ['--config', 'bench/csv/vite.config.ts', '--outDir', join(OUT, 'csv-page')],
    'the CSV bench page',
  );
  cleanups.push(() => server.stop());
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => Boolean(window.csvBench));
  const setup = await page.evaluate((rows) => window.csvBench.call('setup', rows), ROWS);
  log(
    `${ROWS.toLocaleString('en-US')} rows, ${(setup.fileBytes / 1e6).toFixed(1)} MB; measuring 1 warm-up + ${RUNS} rounds`,
  );
  const measured = await page.evaluate((runs) => window.csvBench.call('measure', { warmup: 1, runs }), RUNS);
  // The heap of one app round alone (the measured rounds also hold the floor's garbage).
  const heap = await sampleWorkerHeap(browser, 'csv-bench.worker', 25);
  await page.evaluate(() => window.csvBench.call('appOnce'));
  const heapPeak = await heap.stop();
  const text = SKIP_APP ? null : await page.evaluate(() => window.csvBench.call('text'));
  await page.close();
  const steps = Object.fromEntries(
    Object.keys(measured.steps[0] ?? {}).map((key) => [key, summarize(measured.steps.map((s) => s[key]))]),
  );
  return {
    rows: ROWS,
    fileBytes: setup.fileBytes,
    floor: summarize(measured.floor),
    app: summarize(measured.app),
    steps,
    heapPeakBytes: heapPeak,
    text,
  };
}

async function inApp(browser, text) {
  log('building the app');
  // The demo mode's policy lets the page reach the local demo load API (content-security-policy.ts).
  viteBuild(['--mode', 'demo', '--outDir', join(OUT, 'csv-app'), '--emptyOutDir'], 'the app');
  const server = await vitePreview(['--outDir', join(OUT, 'csv-app')], 'the app');
  cleanups.push(() => server.stop());
  const api = await startDemoApi();
  cleanups.push(() => api.close());
  mkdirSync(join(OUT, 'files'), { recursive: true });
  const bigPath = join(OUT, 'files', `loads_${ROWS}.csv`);
  writeFileSync(bigPath, text);
  const header = text.slice(0, text.indexOf('\r\n'));
  const sendPath = join(OUT, 'files', `loads_${SEND_ROWS}.csv`);
  writeFileSync(
    sendPath,
    text
      .split('\r\n')
      .filter((line, i) => i === 0 || (i <= SEND_ROWS + 3 && ![7, 21, 40].includes(i)))
      .slice(0, SEND_ROWS + 1)
      .join('\r\n') + '\r\n',
  );
  if (!header.startsWith('Load Number')) throw new Error('unexpected file');

  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const main = page.getByRole('main');
  await page.goto(server.url);
  await main.getByLabel('Brokerage name').fill('Bench Freight');
  await main.getByRole('button', { name: 'Create brokerage' }).click();
  await main.getByRole('button', { name: 'New configuration' }).click();
  const form = main.getByRole('form', { name: 'New configuration for “Bench Freight”' });
  await form.getByLabel('Configuration name').fill('Bench');
  await form.getByLabel('API base URL').fill(api.baseUrl);
  await form.getByLabel('API key', { exact: true }).fill(DEMO_API_KEY);
  await form.getByRole('button', { name: 'Save configuration' }).click();
  await main.getByRole('status').filter({ hasText: 'Created configuration “Bench”' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Process file', exact: true }).click();
  await main.getByLabel('Brokerage', { exact: true }).selectOption({ label: 'Bench Freight' });
  await main.getByLabel('Configuration', { exact: true }).selectOption({ label: 'Bench' });

  // By start time, not by position: a long task of the page's first load may be reported late.
  const longestSince = async (mark) =>
    page.evaluate(
      (from) => Math.max(0, ...window.__longTasks.filter(([start]) => start >= from).map(([, duration]) => duration)),
      mark,
    );
  const mark = () => page.evaluate(() => performance.now());

  log(`app: choosing and validating the ${ROWS.toLocaleString('en-US')}-row file`);
  let from = await mark();
  const readStarted = Date.now();
  await main.getByLabel('Choose a CSV or Excel file').setInputFiles(bigPath);
  await main
    .getByRole('region', { name: 'File read' })
    .getByText(`loaded: ${ROWS.toLocaleString('en-US')} rows`)
    .waitFor({ timeout: 120_000 });
  const readMs = Date.now() - readStarted;
  await main.getByRole('region', { name: 'Field mapping' }).getByRole('button', { name: 'Continue' }).click();
  await main
    .getByRole('region', { name: 'Validation' })
    .getByText(/rows are valid/)
    .first()
    .waitFor({ timeout: 120_000 });
  const readValidateMs = Date.now() - readStarted;
  const readLongest = await longestSince(from);

  log(`app: sending ${SEND_ROWS.toLocaleString('en-US')} loads to the demo API, concurrency 4`);
  await main.getByLabel('Choose a CSV or Excel file').setInputFiles(sendPath);
  await main
    .getByRole('region', { name: 'File read' })
    .getByText(`loaded: ${SEND_ROWS.toLocaleString('en-US')} rows`)
    .waitFor();
  await main.getByRole('button', { name: 'Validate', exact: true }).click();
  await main
    .getByRole('region', { name: 'Validation' })
    .getByText(/All .* rows are valid/)
    .waitFor();
  from = await mark();
  const sendStarted = Date.now();
  await main.getByRole('button', { name: 'Process data' }).click();
  await main
    .getByRole('region', { name: 'Processing results' })
    .getByText(`${SEND_ROWS.toLocaleString('en-US')} sent`)
    .waitFor({ timeout: 300_000 });
  const sendMs = Date.now() - sendStarted;
  const sendLongest = await longestSince(from);
  const created = new Set(api.loads.map((load) => load.loadNumber));
  await context.close();
  return {
    readMs,
    readValidateMs,
    readLongestTaskMs: readLongest,
    sendRows: SEND_ROWS,
    sendMs,
    loadsPerSecond: Math.round((SEND_ROWS / sendMs) * 1000),
    sendLongestTaskMs: sendLongest,
    serverCreated: api.loads.length,
    serverDistinct: created.size,
  };
}

function markdown(result) {
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  const ms = (s) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
  const ratio = (result.worker.app.median / result.worker.floor.median).toFixed(2);
  const heapRatio = result.worker.heapPeakBytes
    ? (result.worker.heapPeakBytes / result.worker.fileBytes).toFixed(2)
    : 'n/a';
  const lines = [
    `Measured ${result.measuredAt} on ${result.machine.cpus} × ${result.machine.cpuModel}, load average at start ${result.machine.loadAverage}, Chromium ${result.browser}, commit ${result.commit}.`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| ${result.worker.rows.toLocaleString('en-US')}-row CSV, ${mb(result.worker.fileBytes)} MB: bare papaparse parse (floor) | ${ms(result.worker.floor)} | — |`,
    `| same file: read + fingerprint + decode + parse + normalise + validate + build payloads (app, worker) | ${ms(result.worker.app)} | — |`,
    `| **ratio app / floor** | **${ratio}×** | ≤ 3× |`,
    ...Object.entries(result.worker.steps).map(([step, s]) => `| — of which ${step} | ${ms(s)} | |`),
    `| worker JS heap peak during one app round (after a GC) | ${result.worker.heapPeakBytes ? `${mb(result.worker.heapPeakBytes)} MB` : 'n/a'} (**${heapRatio}×** the file) | ≤ 5× |`,
  ];
  if (result.app) {
    lines.push(
      `| built app: choose the file until “loaded” shown | ${result.app.readMs} ms | — |`,
      `| built app: choose + Continue until validation shown | ${result.app.readValidateMs} ms | — |`,
      `| built app: longest main-thread task while reading and validating | ${Math.round(result.app.readLongestTaskMs)} ms | ≤ 50 ms |`,
      `| built app: ${result.app.sendRows.toLocaleString('en-US')} loads to the demo API, concurrency 4 | ${result.app.sendMs} ms = **${result.app.loadsPerSecond} loads/s** | ≥ 150 loads/s |`,
      `| built app: longest main-thread task while sending | ${Math.round(result.app.sendLongestTaskMs)} ms | ≤ 50 ms |`,
      `| demo API's own record after the send | ${result.app.serverCreated} created, ${result.app.serverDistinct} distinct load numbers | each once |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  cleanups.push(() => browser.close());
  const worker = await inWorker(browser);
  const app = SKIP_APP ? null : await inApp(browser, worker.text);
  delete worker.text;
  const { execSync } = await import('node:child_process');
  const result = {
    measuredAt: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: REPO, encoding: 'utf8' }).trim(),
    browser: browser.version(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverage: loadavg()[0].toFixed(2),
    },
    packages: {
      papaparse: JSON.parse(readFileSync(join(REPO, 'node_modules/papaparse/package.json'), 'utf8')).version,
    },
    worker,
    app,
  };
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  writeFileSync(join(REPO, 'bench/results/csv-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const path = join(REPO, 'BENCHMARKS.md');
  const current = readFileSync(path, 'utf8');
  const start = '<!-- bench:csv:start -->';
  const end = '<!-- bench:csv:end -->';
  const block = `${start}\n${markdown(result)}\n${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n## CSV processing (npm run bench:csv)\n\n${block}\n`;
  writeFileSync(path, next);
  log(
    `ratio ${(worker.app.median / worker.floor.median).toFixed(2)}×, heap ${worker.heapPeakBytes ? (worker.heapPeakBytes / worker.fileBytes).toFixed(2) : 'n/a'}× the file${app ? `, ${app.loadsPerSecond} loads/s, longest tasks ${Math.round(app.readLongestTaskMs)} / ${Math.round(app.sendLongestTaskMs)} ms` : ''}`,
  );
}

try {
  await main();
} finally {
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
}
