#!/usr/bin/env node
// npm run bench [-- --full] [--runs=3] [--sizes=1000,10000] [--skip-app] [--app-uploads=100000] [--no-service]
// [--no-profile] [--no-store] [--store-only] [--team-only] [--team-runs=11]
//
// 1. Builds the bench page (bench/vite.config.ts) and the app (the app's own vite.config.ts,
//    into bench/.out/app so the project's dist/ is left alone), serves both on 127.0.0.1.
// 2. In Debian's Chromium, for N = 1k, 10k, 100k uploads (+ 300k with --full): generates the
//    data, then measures in a Web Worker the app's real code and the docs/performance.md floor steps,
//    interleaved, and cold starts in fresh workers.
// 3. Drives the built app with a generated 100k backup: restore through the sidebar, download a
//    backup, reload; records long tasks on the page's main thread.
// 4. The team store at the app's size, against the local Ceph RGW (started here, stopped after when
//    started here): the backup to and the restore from the store against their floors in the bench
//    worker, and the built app (a demo build, whose policy reaches loopback) with a store connected.
//    `--store-only` runs just that part and rewrites only its section; `--no-store` skips it.
//    Then two teammates in the built app: how soon a change shows on the other's screen
//    (`--team-only` runs just that and rewrites only its section), and the team database's engine
//    in Node (bench/team-sync/: joining at 100k against a restore, an idle hour's requests).
// 5. Writes bench/results/latest.json and the generated part of BENCHMARKS.md.
// A bench is not a test: slow numbers never fail it; it exits non-zero only on errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { driveApp, profileApp } from './node/app-drive.mjs';
import { markdown, sizeResult, summarize, targetsOf, writeBenchmarksMd, writeJson } from './node/report.mjs';
import { sampleWorkerHeap } from './node/heap.mjs';
import { measureShippedJs } from './node/js-shipped.mjs';
import { REPO, viteBuild, vitePreview } from './node/servers.mjs';
import { snapshotMarkdown, snapshotResult, snapshotTargets } from './node/snapshot-report.mjs';
import { reportMillion, runMillion } from './node/million.mjs';
import { startS3Server, stopS3Server } from '../scripts/s3-server.mjs';
import { driveStore } from './node/store-drive.mjs';
import { storeMarkdown, storeResult, storeTargets, writeStoreSection } from './node/store-report.mjs';
import { driveTeamSync } from './node/team-sync-drive.mjs';
import {
  propagationMarkdown,
  propagationResult,
  propagationTargets,
  writePropagationSection,
} from './node/team-propagation-report.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const found = argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};

const FULL = flag('full');
const RUNS = Math.max(3, Number(option('runs', '3')));
const SMALL_RUNS = Math.max(RUNS, 5);
const WARMUP = 1;
const SEED = Number(option('seed', '20251122'));
const SIZES = option('sizes', FULL ? '1000,10000,100000,300000' : '1000,10000,100000')
  .split(',')
  .map(Number);
const APP_UPLOADS = Number(option('app-uploads', '100000'));
const SKIP_APP = flag('skip-app');
const SERVICE = !flag('no-service');
const PROFILE = !flag('no-profile');
const STORE_ONLY = flag('store-only');
const STORE = !flag('no-store');
const TEAM_ONLY = flag('team-only');
const TEAM_RUNS = Number(option('team-runs', '11'));

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const OUT = join(REPO, 'bench/.out');
const RESULTS = join(REPO, 'bench/results');
const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const cleanups = [];
async function cleanup() {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // best effort
    }
  }
}

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** Cold starts in fresh workers, app and floor alternating (and alternating who goes first). */
async function coldStarts(page, dbName, n, runs) {
  const results = { app: [], floor: [] };
  for (let round = 0; round < WARMUP + runs; round++) {
    for (const kind of round % 2 ? ['app', 'floor'] : ['floor', 'app']) {
      const timing = await page.evaluate(([k, name]) => window.bench.coldStart(k, name), [kind, dbName]);
      if (timing.uploads !== n) throw new Error(`cold ${kind} worker saw ${timing.uploads} uploads, expected ${n}`);
      if (round >= WARMUP) results[kind].push(timing);
    }
  }
  const collect = (list) =>
    Object.fromEntries(
      ['total', 'moduleStart', 'received', 'sqlAndStore', 'opened', 'ready'].map((key) => [
        key,
        summarize(list.map((t) => t[key])),
      ]),
    );
  return { app: collect(results.app), floor: collect(results.floor) };
}

/**
 * The bench page in a context of its own: each size, and its snapshots, get fresh storage. An
 * off-the-record context's storage is in memory under a 4 GiB quota (Chromium 150), and at 300k
 * the stores of the steps run before passed it (the browser frees a deleted database's space
 * lazily).
 */
async function openBenchPage(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`bench page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') log(`bench console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => Boolean(window.bench));
  return { context, page };
}

/** The S3 server's details once started (the team store's figures), or null. */
let s3 = null;

/** The team store's figures in the bench worker, at the app's size, on the page set up for it. */
async function benchStore(page, runs) {
  log(`  team store: backup to and restore from the store against their floors (Ceph RGW at ${s3.S3_ENDPOINT})…`);
  const settings = {
    endpoint: s3.S3_ENDPOINT,
    region: s3.S3_REGION,
    bucket: s3.S3_BUCKET,
    accessKeyId: s3.S3_ACCESS_KEY,
    secretAccessKey: s3.S3_SECRET_KEY,
    addressing: 'path',
  };
  return page.evaluate(([s, options]) => window.bench.call('store', s, options), [settings, { warmup: WARMUP, runs }]);
}

async function benchSizes(browser, url) {
  const sizes = [];
  let appFile = null;
  let storeMeasured = null;
  for (const [i, n] of SIZES.entries()) {
    const { context, page } = await openBenchPage(browser, url);
    if (i === 0) {
      const info = await page.evaluate(() => window.bench.call('info'));
      log(`bench worker ready (gc() between steps: ${info.gc ? 'yes' : 'no'})`);
    }
    const runs = n <= 10_000 ? SMALL_RUNS : RUNS;
    log(`N=${n.toLocaleString('en-US')}: generating the data and the app's backup file…`);
    const setup = await page.evaluate(([size, seed]) => window.bench.call('setup', size, seed), [n, SEED]);
    log(
      `  file ${(setup.fileBytes / 1e6).toFixed(1)} MB, database ${(setup.dbBytes / 1e6).toFixed(1)} MB, ${setup.counts.processing_errors} processing errors (set-up ${setup.setupMs} ms)`,
    );
    if (n === APP_UPLOADS && !SKIP_APP) {
      mkdirSync(join(OUT, 'files'), { recursive: true });
      const path = join(OUT, 'files', `ff2api_backup_bench_${n}.json`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate((name) => window.bench.downloadFile(name), `ff2api_backup_bench_${n}.json`),
      ]);
      await download.saveAs(path);
      appFile = { path, uploads: n, fileBytes: statSync(path).size };
    }
    log(
      `  measuring: ${WARMUP} warm-up + ${runs} rounds of floor and app steps${SERVICE ? ' (with the UI restore path)' : ''}…`,
    );
    const heap = await sampleWorkerHeap(browser, 'bench.worker');
    const measured = await page.evaluate((options) => window.bench.call('measure', options), {
      warmup: WARMUP,
      runs,
      service: SERVICE,
    });
    measured.heapPeakBytes = await heap.stop();
    log('  cold starts in fresh workers…');
    const cold = await coldStarts(page, measured.coldStartStore, n, runs);
    const history = await page.evaluate(() => window.bench.call('history', { warmup: 5, runs: 30 }));
    if (s3 && n === APP_UPLOADS) storeMeasured = await benchStore(page, runs);
    const result = sizeResult({ setup, measured, cold, history });
    await page.evaluate(() => window.bench.call('release'));
    await context.close();
    // The snapshots in fresh storage too (the same data, set up again).
    const fresh = await openBenchPage(browser, url);
    await fresh.page.evaluate(([size, seed]) => window.bench.call('setup', size, seed), [n, SEED]);
    log('  snapshots: take + verify against the floor, writes during them, restore, the list of 60…');
    const snapshotSteps = await fresh.page.evaluate((options) => window.bench.call('snapshots', options), {
      warmup: WARMUP,
      runs,
    });
    result.snapshot = snapshotResult(snapshotSteps, result);
    sizes.push(result);
    log(
      `  restore ${result.ratios.restore}×, backup ${result.ratios.backup}×, cold start ${result.ratios.coldStart}×, persist ${result.ratios.persist}×, history first page ${result.app.historyFirstPage.median} ms`,
    );
    log(
      `  snapshot take ${result.snapshot.ratios.take}× (${result.snapshot.take.total.median} ms), restore ${result.snapshot.ratios.restore}×, ${result.snapshot.compression}× smaller, list of 60 ${result.snapshot.list.total.median} ms, longest write during ${result.snapshot.writes.max.total.median} ms (alone ${result.snapshot.writes.alone.total.median} ms)`,
    );
    await fresh.page.evaluate(() => window.bench.call('release'));
    await fresh.context.close();
  }
  return { sizes, appFile, storeMeasured };
}

/** The demo build (its policy lets the page reach the S3 server on loopback), built and served once. */
let demoServer = null;
async function demoAppUrl() {
  if (demoServer) return demoServer.url;
  log(
    `building the app in demo mode for the team store (${(viteBuild(['--mode', 'demo', '--outDir', join(OUT, 'app-demo'), '--emptyOutDir'], 'the demo app') / 1000).toFixed(0)} s)`,
  );
  demoServer = await vitePreview(['--outDir', join(OUT, 'app-demo')], 'the demo app');
  cleanups.push(() => demoServer.stop());
  return demoServer.url;
}

/** The built app with the team store connected. */
async function storeInApp(appFile) {
  const url = await demoAppUrl();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  try {
    return await driveStore({ browser, url, file: appFile.path, s3, runs: RUNS, warmup: WARMUP, log });
  } finally {
    await browser.close();
  }
}

/**
 * The team database's engine in Node (bench/team-sync/: joining at the app's size against a restore,
 * applying changes, an idle hour's requests); it writes bench/results/team-sync.json.
 */
function teamSyncEngine() {
  log('the team database engine in Node (join at 100k against a restore, an idle hour of requests)…');
  const run = spawnSync(
    process.execPath,
    [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/team-sync/team-sync-bench.config.ts'],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the team database bench failed:\n${run.stdout}\n${run.stderr}`);
  const result = JSON.parse(readFileSync(join(RESULTS, 'team-sync.json'), 'utf8'));
  log(
    `  ${result.joinOverRestore <= 1.5 ? 'met    ' : 'NOT MET'} joining a team of ${result.uploads.toLocaleString('en-US')} uploads: ${result.joinOverRestore}× a restore (target ≤ 1.5×); an idle visible hour: ${result.idleHour.list} LIST, ${result.idleHour.get} GET, ${result.idleHour.put} PUT ≈ $${result.monthlyUsdPerBrowser} a month`,
  );
  return result;
}

/** Two teammates in the built app: how soon one's change shows on the other's screen; its own section. */
async function teamPropagation() {
  const url = await demoAppUrl();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  log(`two teammates against the S3 server: ${TEAM_RUNS} changes from Alice to Bob's screen…`);
  try {
    const result = propagationResult(await driveTeamSync({ browser, url, s3, runs: TEAM_RUNS, log }));
    const meta = {
      command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
      generatedAt: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      load: loadavg()[0].toFixed(1),
    };
    await writePropagationSection(propagationMarkdown(result, meta));
    writeJson(join(RESULTS, 'team-propagation.json'), {
      ...meta,
      code: CODE,
      result,
      targets: propagationTargets(result),
    });
    for (const t of propagationTargets(result))
      log(`  ${t.met ? 'met    ' : 'NOT MET'} ${t.what}: ${t.measured} s (target ${t.target})`);
    return result;
  } finally {
    await browser.close();
  }
}

/** `--store-only`: the bench page at the app's size, the store's figures, the app with a store; only their section is rewritten. */
async function storeOnly(benchUrl) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  cleanups.push(() => browser.close());
  const { page } = await openBenchPage(browser, benchUrl);
  log(`N=${APP_UPLOADS.toLocaleString('en-US')}: generating the data and the app's backup file…`);
  await page.evaluate(([size, seed]) => window.bench.call('setup', size, seed), [APP_UPLOADS, SEED]);
  mkdirSync(join(OUT, 'files'), { recursive: true });
  const path = join(OUT, 'files', `ff2api_backup_bench_${APP_UPLOADS}.json`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((name) => window.bench.downloadFile(name), `ff2api_backup_bench_${APP_UPLOADS}.json`),
  ]);
  await download.saveAs(path);
  const measured = await benchStore(page, RUNS);
  const version = browser.version();
  await browser.close();
  return { measured, appFile: { path, uploads: APP_UPLOADS }, version };
}

async function reportStore(measured, drive, browserVersion) {
  const store = storeResult(measured, drive);
  const meta = {
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    generatedAt: new Date().toISOString(),
    browser: `Chromium ${browserVersion}`,
    load: loadavg()[0].toFixed(1),
    runs: RUNS,
    uploads: APP_UPLOADS,
  };
  await writeStoreSection(storeMarkdown(store, meta));
  writeJson(join(RESULTS, 'store.json'), { ...meta, code: CODE, store, targets: storeTargets(store) });
  log(
    `  team store: backup ${store.up.ratio}× its floor, restore ${store.down.ratio}×, longest task ${store.app ? `${store.app.backupLongest} / ${store.app.restoreLongest} ms` : 'not measured'}`,
  );
  return store;
}

function summarizeApp(raw, appFile, jsGzipResult, runs) {
  const pick = (list, fn) => summarize(list.map(fn));
  return {
    uploads: appFile.uploads,
    fileBytes: appFile.fileBytes,
    runs,
    warmup: WARMUP,
    ...raw,
    summary: {
      restoreInspect: pick(raw.restores, (r) => r.inspectMs),
      restoreApply: pick(raw.restores, (r) => r.applyMs),
      restoreTotal: pick(raw.restores, (r) => r.totalMs),
      restoreLongest: pick(raw.restores, (r) => r.longTasks.longest),
      restoreInspectLongest: pick(raw.restores, (r) => r.inspectLongTasks.longest),
      restoreApplyLongest: pick(raw.restores, (r) => r.applyLongTasks.longest),
      restoreTaskCount: pick(raw.restores, (r) => r.longTasks.count),
      restoreWorkerHeapPeak: pick(
        raw.restores.filter((r) => r.workerHeapPeakBytes),
        (r) => r.workerHeapPeakBytes,
      ),
      restorePageHeap: pick(
        raw.restores.filter((r) => r.heapBytes),
        (r) => r.heapBytes,
      ),
      backupTotal: pick(raw.backups, (b) => b.totalMs),
      backupLongest: pick(raw.backups, (b) => b.longTasks.longest),
      backupTaskCount: pick(raw.backups, (b) => b.longTasks.count),
      snapshotTotal: pick(raw.snapshots, (x) => x.totalMs),
      snapshotLongest: pick(raw.snapshots, (x) => x.longTasks.longest),
      firstLoad: pick(raw.pageLoads, (p) => p.statusShownMs),
      firstLoadLongest: pick(raw.pageLoads, (p) => p.longest),
      coldStart: pick(raw.coldStarts, (c) => c.statusShownMs),
      coldStartLongest: pick(raw.coldStarts, (c) => c.longTasks.longest),
    },
    jsGzip: jsGzipResult,
  };
}

const SKELETON = `# Benchmarks\n\n<!-- bench:results:start -->\n<!-- bench:results:end -->\n`;

const loadAtStart = loadavg();

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
function codeVersion() {
  const git = (...args) => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    commit: git('rev-parse', '--short', 'HEAD') || null,
    srcUncommittedChanges: git('status', '--porcelain', '--', 'src') !== '',
  };
}
const CODE = codeVersion();

async function main() {
  log(
    `bench: sizes ${SIZES.join(', ')}, ${RUNS} runs (${SMALL_RUNS} for N ≤ 10k) after ${WARMUP} warm-up${SKIP_APP ? ', app not driven' : ''}`,
  );
  mkdirSync(OUT, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  if (TEAM_ONLY) {
    const started = await startS3Server({ quiet: true });
    s3 = started.details;
    cleanups.push(() => stopS3Server());
    await teamPropagation();
    teamSyncEngine();
    return;
  }
  log(
    `building the bench page (${(viteBuild(['--config', 'bench/vite.config.ts', '--outDir', join(OUT, 'page'), '--emptyOutDir'], 'the bench page') / 1000).toFixed(0)} s)`,
  );
  const benchServer = await vitePreview(
    ['--config', 'bench/vite.config.ts', '--outDir', join(OUT, 'page')],
    'the bench page',
  );
  cleanups.push(() => benchServer.stop());
  if (STORE || STORE_ONLY || TEAM_ONLY) {
    const started = await startS3Server({ quiet: true });
    s3 = started.details;
    cleanups.push(() => stopS3Server());
    log(
      `S3 server (Ceph RGW) at ${s3.S3_ENDPOINT}: ${started.startedHere ? `started in ${started.seconds.toFixed(1)} s` : 'already running'}`,
    );
  }
  if (STORE_ONLY) {
    const { measured, appFile, version } = await storeOnly(benchServer.url);
    const drive = await storeInApp(appFile);
    const store = await reportStore(measured, drive, version);
    await teamPropagation();
    for (const t of storeTargets(store))
      log(
        `  ${t.met === null ? 'n/a    ' : t.met ? 'met    ' : 'NOT MET'} ${t.what}: ${t.measured ?? '—'}${t.unit === '×' ? '×' : ` ${t.unit}`} (target ${t.target})`,
      );
    return;
  }
  let appServer = null;
  if (!SKIP_APP) {
    // Hidden source maps: the same JS (no sourceMappingURL comment); the .map files only serve to
    // name the frames of the main-thread profile.
    log(
      `building the app (${(viteBuild(['--outDir', join(OUT, 'app'), '--emptyOutDir', '--sourcemap', 'hidden'], 'the app') / 1000).toFixed(0)} s)`,
    );
    appServer = await vitePreview(['--outDir', join(OUT, 'app')], 'the app');
    cleanups.push(() => appServer.stop());
  }

  // gc() in the bench workers lets each step start without the previous step's garbage.
  const benchBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  cleanups.push(() => benchBrowser.close());
  const browserVersion = benchBrowser.version();
  const { sizes, appFile, storeMeasured } = await benchSizes(benchBrowser, benchServer.url);
  await benchBrowser.close();

  let browserApp = null;
  if (!SKIP_APP) {
    if (!appFile) throw new Error(`the app drive needs N=${APP_UPLOADS} among the sizes (or --skip-app)`);
    log(`driving the built app with the ${APP_UPLOADS.toLocaleString('en-US')}-upload file…`);
    const appBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    cleanups.push(() => appBrowser.close());
    const raw = await driveApp({
      browser: appBrowser,
      url: appServer.url,
      file: appFile.path,
      uploads: appFile.uploads,
      runs: RUNS,
      warmup: WARMUP,
      log,
    });
    const profiles = PROFILE
      ? await profileApp({
          browser: appBrowser,
          url: appServer.url,
          file: appFile.path,
          outDir: join(OUT, 'profiles'),
          assetsDir: join(OUT, 'app', 'assets'),
          log,
        })
      : null;
    // JavaScript shipped: what a fresh start of the built app loads (page + database worker) vs lazy chunks.
    const shippedJs = await measureShippedJs({ browser: appBrowser, url: appServer.url, distDir: join(OUT, 'app') });
    log(
      `JavaScript at start ${(shippedJs.atStart.totalBytes / 1000).toFixed(1)} kB gzip, lazy ${(shippedJs.lazy.totalBytes / 1000).toFixed(1)} kB`,
    );
    await appBrowser.close();
    browserApp = { ...summarizeApp(raw, appFile, shippedJs, RUNS), mainThreadProfile: profiles };
  }

  const storeDrive = storeMeasured && appFile ? await storeInApp(appFile) : null;
  const store = storeMeasured ? await reportStore(storeMeasured, storeDrive, browserVersion) : null;
  const teamSync = s3 ? { propagation: await teamPropagation(), engine: teamSyncEngine() } : null;

  // --full: 1,000,000 uploads + 500,000 processing errors through the built app (bench/node/million.mjs).
  const million = FULL ? await runMillion(log) : null;

  const cpu = cpus();
  const result = {
    format: 'ff2api-web-bench/1',
    generatedAt: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    million,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    code: CODE,
    machine: {
      os: `${type()} ${release()}`,
      cpu: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryGB: Math.round(totalmem() / 1e9),
      node: process.version,
      // Other work on the machine slows every figure alike; ratios measured in the same run hold better.
      loadAverage1mStart: Math.round(loadAtStart[0] * 100) / 100,
      loadAverage1mEnd: Math.round(loadavg()[0] * 100) / 100,
    },
    browser: {
      name: 'Chromium',
      version: `Chromium ${browserVersion}`,
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      benchArgs: ['--js-flags=--expose-gc'],
    },
    packages: Object.fromEntries(
      ['sql.js', '@noble/hashes', 'idb', 'comlink', 'react', 'react-dom', 'vite', 'playwright-core', 'typescript'].map(
        (p) => [p, packageVersion(p)],
      ),
    ),
    settings: {
      sizes: SIZES,
      runs: RUNS,
      smallRuns: SMALL_RUNS,
      warmup: WARMUP,
      seed: SEED,
      full: FULL,
      uiRestorePath: SERVICE,
    },
    definitions: {
      ratio: 'median of the app step / sum of the medians of its floor steps, all measured in the same run',
      restoreFloor:
        'decode + JSON.parse + hand-written type check + the faster insert variant + db.export() + IndexedDB put',
      backupFloor: 'select every row + JSON.stringify of the file content + UTF-8 encode + SHA-256',
      coldStartFloor:
        'fresh worker: sql.js script + wasm, bare IndexedDB get, new SQL.Database(bytes), one COUNT query',
      persistFloor: 'one INSERT + db.export() + IndexedDB put',
    },
    targets: [
      ...targetsOf(sizes, browserApp),
      ...snapshotTargets(sizes.map((s) => s.snapshot).filter(Boolean), browserApp),
      ...storeTargets(store),
    ],
    store,
    teamSync,
    sizes,
    browserApp,
  };
  writeJson(join(RESULTS, 'latest.json'), result);
  const snapshotSection = `\n### Snapshots (issue 6)\n\n${snapshotMarkdown(sizes.map((s) => s.snapshot).filter(Boolean), browserApp)}\n`;
  writeBenchmarksMd(join(REPO, 'BENCHMARKS.md'), `${markdown(result)}${snapshotSection}`, SKELETON);
  if (million) await reportMillion(million);
  log('wrote bench/results/latest.json and BENCHMARKS.md');
  for (const t of result.targets)
    log(
      `  ${t.met === null ? 'n/a    ' : t.met ? 'met    ' : 'NOT MET'} ${t.what}: ${t.measured ?? '—'}${t.unit === '×' ? '×' : ` ${t.unit}`} (target ${t.target})`,
    );
}

try {
  await main();
  await cleanup();
  log('done');
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await cleanup();
  process.exit(1);
}
