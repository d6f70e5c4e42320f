import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeMillionFile } from '../node/million-file.mjs';

/**
 * 1,000,000 uploads + 500,000 processing errors through the built app in Chromium (issue 7):
 * Restore from backup → preview → Restore database, then Download backup; the progress the
 * sidebar shows, the time of each step, the peak resident memory of the browser, no crash.
 * Writes bench/results/million.json (bench/node/million.mjs turns it into BENCHMARKS.md).
 */
const UPLOADS = Number(process.env.MILLION_UPLOADS ?? 1_000_000);
const ERRORS = Number(process.env.MILLION_ERRORS ?? UPLOADS / 2);

/** Peak resident memory (MB) of all chromium processes, sampled every second. */
function sampleRss(): () => number {
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

test(`${UPLOADS} uploads + ${ERRORS} processing errors restore and back up in Chromium, with progress, without crashing the tab`, async ({ page }) => {
  const file = join(tmpdir(), `ff2api-bench-${UPLOADS}-${ERRORS}.json`);
  const written = await writeMillionFile(file, { uploads: UPLOADS, errors: ERRORS });
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.goto('/');
  const sidebar = page.getByRole('complementary', { name: 'Database management' });
  await expect(sidebar.getByText('Database is empty')).toBeVisible();
  const rss = sampleRss();
  const seen: number[] = [];
  const watch = setInterval(() => {
    void sidebar.locator('.operation-progress').innerText().then((text) => {
      const percent = /\((\d+)%\)/.exec(text)?.[1];
      if (percent !== undefined && seen.at(-1) !== Number(percent)) seen.push(Number(percent));
    }, () => undefined);
  }, 500);

  let t = Date.now();
  await sidebar.getByLabel('Restore from backup').setInputFiles(file);
  const preview = sidebar.getByRole('group', { name: 'Restore preview' });
  await expect(preview.or(sidebar.getByRole('alert')).first()).toBeVisible({ timeout: 30 * 60_000 });
  await expect(preview).toBeVisible();
  const checkSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  await sidebar.getByRole('button', { name: 'Restore database' }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: /restored successfully/ })).toBeVisible({ timeout: 30 * 60_000 });
  const applySeconds = (Date.now() - t) / 1000;
  t = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30 * 60_000 }), sidebar.getByRole('button', { name: 'Download backup' }).click()]);
  await expect(sidebar.getByRole('status').filter({ hasText: /Backup ready/ })).toBeVisible({ timeout: 30 * 60_000 });
  const backupSeconds = (Date.now() - t) / 1000;
  clearInterval(watch);
  const statusLine = await sidebar.getByText(/brokerage configs?, [\d,]+ uploads?/).innerText();
  const result = {
    uploads: UPLOADS, errors: ERRORS, fileBytes: written.bytes, checkSeconds, applySeconds, backupSeconds, backupFileName: download.suggestedFilename(),
    progressSeen: seen, workerHeapPeakMB: null, browserRssPeakMB: rss(), statusLine, crashed,
  };
  writeFileSync(join(__dirname, '..', 'results', 'million.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 2)}\n`);
  console.log(JSON.stringify(result));
  expect(crashed).toBe(false);
  expect(statusLine).toContain(`${UPLOADS.toLocaleString('en-US')} uploads`);
  expect(seen.length).toBeGreaterThan(3);
});
