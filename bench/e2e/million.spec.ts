import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { sampleWorkerHeap } from '../node/heap.mjs';
import { writeMillionFile } from '../node/million-file.mjs';

/**
 * 1,000,000 uploads + 500,000 processing errors through the built app in Chromium (issue 7):
 * Restore from backup → preview → Restore database, then Download backup; the progress the
 * sidebar shows (with when), the time of each step, the database worker's peak JS heap and the
 * peak resident memory of the browser's processes, no crash. Writes bench/results/million.json
 * (bench/node/million.mjs turns it into BENCHMARKS.md). MILLION_UPLOADS / MILLION_ERRORS size it.
 */
const UPLOADS = Number(process.env.MILLION_UPLOADS ?? 1_000_000);
const ERRORS = Number(process.env.MILLION_ERRORS ?? UPLOADS / 2);
const LONG = 30 * 60_000;

/** Peak resident memory (MB) of all chromium processes together and of the largest one, sampled every second. */
function sampleRss(): () => { totalMB: number; largestMB: number } {
  let total = 0;
  let largest = 0;
  const timer = setInterval(() => {
    const out = spawnSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' }).stdout ?? '';
    const sizes = out.split('\n').map((line) => (Number(line.trim()) || 0) / 1024);
    total = Math.max(
      total,
      sizes.reduce((sum, n) => sum + n, 0),
    );
    largest = Math.max(largest, ...sizes);
  }, 1000);
  return () => {
    clearInterval(timer);
    return { totalMB: Math.round(total), largestMB: Math.round(largest) };
  };
}

test(`${UPLOADS} uploads + ${ERRORS} processing errors restore and back up in Chromium, with progress, without crashing the tab`, async ({
  page,
  browser,
}) => {
  const file = join(tmpdir(), `ff2api-bench-${UPLOADS}-${ERRORS}.json`);
  const written = await writeMillionFile(file, { uploads: UPLOADS, errors: ERRORS });
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.goto('/');
  const sidebar = page.getByRole('complementary', { name: 'Database management' });
  await expect(sidebar.getByText('Database is empty')).toBeVisible();
  const heap = await sampleWorkerHeap(browser, 'db.worker', 1000);
  const rss = sampleRss();
  const started = Date.now();
  const timeline: { s: number; text: string }[] = [];
  const seen: number[] = [];
  const watch = setInterval(() => {
    void sidebar
      .locator('.operation-progress')
      .innerText({ timeout: 400 })
      .then(
        (text) => {
          const percent = /\((\d+)%\)/.exec(text)?.[1];
          if (percent !== undefined && seen.at(-1) !== Number(percent)) seen.push(Number(percent));
          if (timeline.at(-1)?.text !== text) {
            timeline.push({ s: (Date.now() - started) / 1000, text });
            console.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${text.replace(/\s+/g, ' ')}`);
          }
        },
        () => undefined,
      );
  }, 500);

  let t = Date.now();
  await sidebar.getByLabel('Restore from backup').setInputFiles(file);
  const preview = sidebar.getByRole('group', { name: 'Restore preview' });
  await expect(preview.or(sidebar.getByRole('alert')).first()).toBeVisible({ timeout: LONG });
  await expect(preview).toBeVisible();
  const checkSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  await sidebar.getByRole('button', { name: 'Restore database' }).click();
  await expect(
    sidebar
      .getByRole('status')
      .filter({ hasText: /restored successfully/ })
      .or(sidebar.getByRole('alert'))
      .first(),
  ).toBeVisible({ timeout: LONG });
  await expect(sidebar.getByRole('status').filter({ hasText: /restored successfully/ })).toBeVisible();
  const applySeconds = (Date.now() - t) / 1000;
  t = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: LONG }),
    sidebar.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  await expect(sidebar.getByRole('status').filter({ hasText: /Backup ready/ })).toBeVisible({ timeout: LONG });
  const backupSeconds = (Date.now() - t) / 1000;
  const backupPath = join(tmpdir(), `ff2api-bench-${UPLOADS}-download`);
  await download.saveAs(backupPath);
  const backupBytes = Number(spawnSync('stat', ['-c', '%s', backupPath], { encoding: 'utf8' }).stdout.trim());
  clearInterval(watch);
  const statusLine = await sidebar.getByText(/brokerage configs?, [\d,]+ uploads?/).innerText();
  const workerHeapPeak = await heap.stop();
  const memory = rss();
  const result = {
    uploads: UPLOADS,
    errors: ERRORS,
    fileBytes: written.bytes,
    checkSeconds,
    applySeconds,
    backupSeconds,
    backupFileName: download.suggestedFilename(),
    backupBytes,
    progressSeen: seen,
    timeline,
    workerHeapPeakMB: workerHeapPeak === null ? null : Math.round(workerHeapPeak / 1e6),
    browserRssPeakMB: memory.totalMB,
    largestProcessRssPeakMB: memory.largestMB,
    statusLine,
    crashed,
  };
  writeFileSync(
    join(import.meta.dirname, '..', 'results', 'million.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log(JSON.stringify({ ...result, timeline: undefined }));
  expect(crashed).toBe(false);
  expect(statusLine).toContain(`${UPLOADS.toLocaleString('en-US')} uploads`);
  expect(seen.length).toBeGreaterThan(3);
});
