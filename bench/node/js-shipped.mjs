// The "JavaScript shipped" figure of docs/performance.md, by its rule: every .js the built app loads at start
// (the page and the database worker) counts, gzip, without the wasm; lazy chunks, loaded only
// when a user first needs them, are counted apart. Used by `npm run bench` (the figure in
// BENCHMARKS.md), by the budget test (tests/e2e/js-budget.spec.ts) and on its own:
//   node bench/node/js-shipped.mjs [dist]      (after `npx vite build`; starts Chromium)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesBySource } from './sourcemap.mjs';

/** docs/performance.md's budget for what loads at start, in bytes of gzip (kB = 1000 bytes, as reported). */
export const JS_AT_START_BUDGET_BYTES = 150_000;

/** The sidebar's status line: shown once the database worker has opened the database. */
const STATUS_LINE =
  /^(Database is empty|[\d,]+ brokerage configs?, [\d,]+ uploads?|[\d,]+ brokerages?, no configurations yet|No brokerages)/;

const IMPORT_SPECIFIERS = [/\bfrom\s*["'`](\.\/[^"'`]+\.js)["'`]/g, /\bimport\s*["'`](\.\/[^"'`]+\.js)["'`]/g];
const WORKER_URLS = /new Worker\(\s*new URL\(\s*["'`]\/assets\/([^"'`]+\.js)["'`]/g;

/**
 * The scripts that must load at start, read from the build alone: index.html's entry and module
 * preloads, their static imports, and the workers they construct with a literal URL (the
 * database worker) with theirs. A lower bound: a dynamic import run at start (the service worker
 * registration's workbox-window) only shows in a browser — see observeStartScripts.
 */
export function staticStartScripts(distDir) {
  const assets = join(distDir, 'assets');
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/assets\/([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const found = new Set();
  const visit = (name) => {
    if (found.has(name) || !existsSync(join(assets, name))) return;
    found.add(name);
    const code = readFileSync(join(assets, name), 'utf8');
    for (const pattern of IMPORT_SPECIFIERS) for (const m of code.matchAll(pattern)) visit(m[1].slice(2));
    for (const m of code.matchAll(WORKER_URLS)) visit(m[1]);
  };
  roots.forEach(visit);
  return [...found].sort();
}

/**
 * The scripts the built app at `url` fetches while it starts, in a fresh profile of `browser`
 * (a Playwright Browser): page and dedicated workers, until the database is open (the status
 * line shows) and the network is quiet. Service workers are blocked, so the precache of every
 * chunk on a first visit is not mistaken for the app's own loading.
 */
export async function observeStartScripts(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const fetched = new Set();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) fetched.add(pathname.slice('/assets/'.length));
    });
    await page.goto(url);
    await page
      .getByRole('complementary', { name: 'Database management' })
      .getByText(STATUS_LINE)
      .waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return [...fetched].sort();
  } finally {
    await context.close();
  }
}

/**
 * Every .js of a build's assets, gzip (zlib default level), split into `atStart` (the names
 * given) and `lazy` (the rest); each file with its biggest sources when a source map is there.
 */
export function splitShippedJs(assetsDir, atStartNames) {
  const atStart = new Set(atStartNames);
  const files = readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js'))
    .map((name) => describeFile(assetsDir, name));
  const group = (list) => ({
    totalBytes: list.reduce((sum, f) => sum + f.gzipBytes, 0),
    rawBytes: list.reduce((sum, f) => sum + f.bytes, 0),
    files: list.sort((a, b) => b.gzipBytes - a.gzipBytes),
  });
  const wasm = readdirSync(assetsDir)
    .filter((f) => f.endsWith('.wasm'))
    .map((name) => readFileSync(join(assetsDir, name)));
  return {
    rule: 'gzip of every .js the app loads at start (page + database worker), wasm excluded; lazy chunks counted apart',
    budgetBytes: JS_AT_START_BUDGET_BYTES,
    atStart: group(files.filter((f) => atStart.has(f.name))),
    lazy: group(files.filter((f) => !atStart.has(f.name))),
    wasmBytes: wasm.reduce((sum, w) => sum + w.length, 0),
    wasmGzipBytes: wasm.reduce((sum, w) => sum + gzipSync(w).length, 0),
  };
}

/** Observes the start in `browser` and splits the build's JS accordingly (the bench's figure). */
export async function measureShippedJs({ browser, url, distDir }) {
  const observed = await observeStartScripts(browser, url);
  const expected = staticStartScripts(distDir);
  const missed = expected.filter((name) => !observed.includes(name));
  // The build says these load at start; if the browser was not seen fetching them, the observation is wrong.
  if (missed.length) throw new Error(`start observed without ${missed.join(', ')}`);
  return splitShippedJs(join(distDir, 'assets'), observed);
}

function describeFile(assetsDir, name) {
  const bytes = readFileSync(join(assetsDir, name));
  const gzipBytes = gzipSync(bytes).length;
  // What the file is made of (from its hidden source map); gzip shares are estimates (raw share × file gzip).
  const bySource = bytesBySource(join(assetsDir, name));
  const mapped = bySource ? [...bySource.values()].reduce((sum, v) => sum + v, 0) : 0;
  const sources =
    bySource && mapped > 0
      ? [...bySource]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([group, raw]) => ({ group, rawBytes: raw, gzipEstimateBytes: Math.round((gzipBytes * raw) / mapped) }))
      : null;
  return { name, bytes: bytes.length, gzipBytes, sources };
}

/** BENCHMARKS.md lines: what loads at start (against the budget) and the lazy chunks, with what each is made of. */
export function shippedJsMarkdown(split) {
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  const list = (files) => files.map((f) => `${f.name} ${kB(f.gzipBytes)}`).join(', ');
  const lines = [
    `JavaScript shipped (gzip, zlib default level, without the ${mb(split.wasmBytes)} wasm, ${mb(split.wasmGzipBytes)} gzip), by docs/performance.md's rule: **${kB(split.atStart.totalBytes)} loaded at start** (the page and the database worker, as a fresh start of the built app fetches them in Chromium; budget ${kB(split.budgetBytes)}) in ${split.atStart.files.length} files (${list(split.atStart.files)}); **${kB(split.lazy.totalBytes)} in ${split.lazy.files.length} lazy chunks**, loaded on first use (largest: ${list(split.lazy.files.slice(0, 8))}).`,
    '',
  ];
  for (const file of split.atStart.files.filter((f) => f.sources)) {
    lines.push(
      `- at start, ${file.name}: ${file.sources.map((s) => `${s.group} ≈ ${kB(s.gzipEstimateBytes)}`).join(', ')} (gzip shares estimated from raw bytes per source)`,
    );
  }
  return lines;
}

/** A plain-text table of a split, for the command line. */
export function describeSplit(split) {
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  const rows = (files) => files.map((f) => `    ${kB(f.gzipBytes).padStart(9)}  ${f.name}`).join('\n');
  return [
    `at start: ${kB(split.atStart.totalBytes)} gzip in ${split.atStart.files.length} files (budget ${kB(split.budgetBytes)})`,
    rows(split.atStart.files),
    `lazy (on first use): ${kB(split.lazy.totalBytes)} gzip in ${split.lazy.files.length} files`,
    rows(split.lazy.files),
    `wasm (apart): ${kB(split.wasmBytes)}, ${kB(split.wasmGzipBytes)} gzip`,
  ].join('\n');
}

// node bench/node/js-shipped.mjs [dist]: serve the build, observe its start, print the split.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { vitePreview } = await import('./servers.mjs');
  const distDir = process.argv[2] ?? 'dist';
  const server = await vitePreview(['--outDir', distDir], 'the app');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    console.log(describeSplit(await measureShippedJs({ browser, url: server.url, distDir })));
  } finally {
    await browser.close();
    await server.stop();
  }
}
