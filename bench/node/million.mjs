// npm run bench -- --full runs this too; alone: node bench/node/million.mjs [--uploads=1000000] [--errors=500000]
// 1,000,000 uploads + 500,000 processing errors through the built app in Chromium: restore from
// the file (Restore from backup → preview → Restore database), then Download backup, with the
// progress the sidebar shows, the time of each, the worker's peak JS heap (CDP) and the peak
// resident memory of the browser's processes (ps), and no crashed tab.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sampleWorkerHeap } from './heap.mjs';
import { viteBuild, vitePreview } from './servers.mjs';
import { writeMillionFile } from './million-file.mjs';

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const UPLOADS = Number(option('uploads', '1000000'));
const ERRORS = Number(option('errors', String(UPLOADS / 2)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Peak resident memory (MB) of all chromium processes, sampled every second. */
function sampleRss() {
  let peak = 0;
  const timer = setInterval(() => {
    const out = spawnSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' }).stdout ?? '';
    const total = out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
    if (total > peak) peak = total;
  }, 1000);
  return () => {
    clearInterval(timer);
    return Math.round(peak);
  };
}

export async function runMillion(log = console.log) {
  const file = join(tmpdir(), `ff2api-bench-${UPLOADS}-${ERRORS}.json`);
  let t = Date.now();
  const written = await writeMillionFile(file, { uploads: UPLOADS, errors: ERRORS });
  log(`million: file ${(written.bytes / 1e6).toFixed(0)} MB written in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const buildDir = 'bench/.out/app';
  viteBuild(['--outDir', buildDir, '--emptyOutDir'], 'the app');
  const server = await vitePreview(['--outDir', buildDir], 'the app');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const result = { uploads: UPLOADS, errors: ERRORS, fileBytes: written.bytes };
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await page.goto(server.url);
    const sidebar = page.getByRole('complementary', { name: 'Database management' });
    await sidebar.getByText('Database is empty').waitFor();
    const heap = await sampleWorkerHeap(browser, 'db.worker');
    const rss = sampleRss();
    const fractions = [];
    const watch = setInterval(async () => {
      const text = await sidebar.locator('.operation-progress').innerText().catch(() => '');
      const percent = /\((\d+)%\)/.exec(text)?.[1];
      if (percent !== undefined && fractions.at(-1) !== Number(percent)) fractions.push(Number(percent));
    }, 500);
    // Says what the sidebar shows every 30 s, so a long run can be followed (and a stuck one seen).
    const report = setInterval(async () => {
      const text = await page.locator('body').innerText().catch(() => '(page gone)');
      log(`million: … ${text.replace(/\s+/g, ' ').replace(/^.*?Restore from backup/, '').slice(0, 500)}`);
    }, 30_000);
    t = Date.now();
    await sidebar.getByLabel('Restore from backup').setInputFiles(file);
    await sidebar.getByRole('group', { name: 'Restore preview' }).or(sidebar.getByRole('alert')).first().waitFor({ timeout: 30 * 60_000 });
    if (await sidebar.getByRole('alert').count()) throw new Error(`refused: ${await sidebar.getByRole('alert').first().innerText()}`);
    result.checkSeconds = (Date.now() - t) / 1000;
    t = Date.now();
    await sidebar.getByRole('button', { name: 'Restore database' }).click();
    await sidebar.getByRole('status').filter({ hasText: /restored successfully/ }).waitFor({ timeout: 30 * 60_000 });
    result.applySeconds = (Date.now() - t) / 1000;
    log(`million: restored (check ${result.checkSeconds} s, apply ${result.applySeconds} s)`);
    t = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30 * 60_000 }), sidebar.getByRole('button', { name: 'Download backup' }).click()]);
    await sidebar.getByRole('status').filter({ hasText: /Backup ready/ }).waitFor({ timeout: 30 * 60_000 });
    result.backupSeconds = (Date.now() - t) / 1000;
    result.backupFileName = download.suggestedFilename();
    clearInterval(watch);
    clearInterval(report);
    result.progressSeen = fractions;
    result.workerHeapPeakMB = Math.round(((await heap.stop()) ?? 0) / 1e6);
    result.browserRssPeakMB = rss();
    result.statusLine = await sidebar.getByText(/brokerage configs?, [\d,]+ uploads?/).innerText();
    result.crashed = crashed;
    log(`million: ${JSON.stringify(result)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  return result;
}

/** Writes the result to bench/results/million.json and its section of BENCHMARKS.md. */
export async function reportMillion(result) {
  const { readFile, writeFile } = await import('node:fs/promises');
  const { REPO } = await import('./servers.mjs');
  await writeFile(`${REPO}bench/results/million.json`, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 2)}\n`);
  const mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;
  const section = [
    '<!-- bench:million:start -->',
    `_Generated by \`node bench/node/million.mjs\` (also run by \`npm run bench -- --full\`) on ${new Date().toISOString()}._`,
    '',
    `| what | ${result.uploads.toLocaleString('en-US')} uploads + ${result.errors.toLocaleString('en-US')} processing errors |`,
    '|---|---|',
    `| backup file (format 2.1, one row per line) | ${mb(result.fileBytes)} |`,
    `| restore: choose the file → preview shown (stream, check, insert, certify by checksum, names) | ${result.checkSeconds.toFixed(1)} s |`,
    `| restore: \`Restore database\` → “Database restored successfully” (finish, export, IndexedDB with undo copy) | ${result.applySeconds.toFixed(1)} s |`,
    `| \`Download backup\` → “Backup ready” (file: ${result.backupFileName}) | ${result.backupSeconds.toFixed(1)} s |`,
    `| progress the sidebar showed (percent, sampled every 0.5 s) | ${result.progressSeen.length} distinct values, ${result.progressSeen.slice(0, 6).join(', ')} … ${result.progressSeen.slice(-3).join(', ')} |`,
    `| database worker, peak JS heap (CDP; sql.js's file and wasm memory not included) | ${result.workerHeapPeakMB} MB |`,
    `| all Chromium processes, peak resident memory (ps) | ${result.browserRssPeakMB} MB |`,
    `| status line afterwards | ${result.statusLine} |`,
    `| tab crashed | ${result.crashed ? 'yes' : 'no'} |`,
    '<!-- bench:million:end -->',
  ].join('\n');
  const path = `${REPO}BENCHMARKS.md`;
  const text = await readFile(path, 'utf8');
  const start = text.indexOf('<!-- bench:million:start -->');
  const end = text.indexOf('<!-- bench:million:end -->');
  const next = start >= 0 && end > start ? `${text.slice(0, start)}${section}${text.slice(end + '<!-- bench:million:end -->'.length)}` : `${text.trimEnd()}\n\n## 1,000,000 uploads in Chromium\n\n${section}\n`;
  await writeFile(path, next);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMillion().then(reportMillion).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
