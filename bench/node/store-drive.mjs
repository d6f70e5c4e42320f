// Drives the BUILT app (a demo build: its policy lets the page reach the S3 server on loopback)
// with the team store connected, as a user does: `Download backup` until the sidebar says the
// copy is "… and in the team store", and `Restore latest from team store` until “Database
// restored successfully”. Records the main thread's long tasks during each (app-drive.mjs's way).
import { connectStore } from './team-store-form.mjs';
import { downloadButton, longTasks, pageInit, restoreButton, restoreInput, waitForWatcher } from './app-drive.mjs';

const SIDEBAR = 'aside[aria-label="Database management"]';

/** Options: browser, url, file (path of the 100k backup), s3 (the server's details), runs, warmup, log. */
export async function driveStore({ browser, url, file, s3, runs, warmup, log }) {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  const backups = [];
  const restores = [];
  try {
    await context.addInitScript(pageInit);
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  app page error: ${error.message}`));
    await page.goto(url);
    await waitForWatcher(page, 'status', 60_000);
    await page.evaluate(() => window.__bench.watch('restored', 'Database restored successfully', 'status'));
    await restoreInput(page).setInputFiles(file);
    await restoreButton(page).click({ timeout: 120_000 });
    await waitForWatcher(page, 'restored', 300_000);

    // Connect (not measured): create the team at a fresh prefix.
    await connectStore(page, { url, s3, prefix: `bench-app-${Date.now().toString(36)}/`, who: 'Bench', create: true });

    for (let run = 0; run < warmup + runs; run++) {
      await page.evaluate(() => window.__bench.watch('stored', 'and in the team store', 'status'));
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        downloadButton(page).click(),
      ]);
      const clickAt = await page.evaluate(() => window.__bench.lastClick);
      const storedAt = await waitForWatcher(page, 'stored', 300_000);
      await page.waitForTimeout(500);
      const settledAt = await page.evaluate(() => performance.now());
      await download.delete();
      const record = { run, totalMs: storedAt - clickAt, longTasks: await longTasks(page, clickAt, settledAt) };
      log(
        `  store backup run ${run}${run < warmup ? ' (warm-up)' : ''}: ${record.totalMs.toFixed(0)} ms to "… and in the team store", longest task ${record.longTasks.longest.toFixed(0)} ms`,
      );
      if (run >= warmup) backups.push(record);
    }

    const latest = page.locator(`${SIDEBAR} button`, { hasText: /^Restore latest from team store$/ });
    const confirm = page.locator(`${SIDEBAR} input`).and(page.getByLabel('Type RESTORE to confirm'));
    for (let run = 0; run < warmup + runs; run++) {
      // In the sidebar's team store part: the file restore's own message stays on screen above it.
      await page.evaluate((scope) => {
        window.__bench.watch('preview', 'How to restore', null, false, scope);
        window.__bench.watch('restored', 'Database restored successfully', 'status', false, scope);
      }, `${SIDEBAR} .team-store-sidebar`);
      await latest.click();
      const clickAt = await page.evaluate(() => window.__bench.lastClick);
      const previewAt = await waitForWatcher(page, 'preview', 300_000).catch(async (error) => {
        log(
          `  the store restore's preview did not show; the sidebar says: ${(await page.locator(SIDEBAR).innerText()).slice(0, 3000)}`,
        );
        throw error;
      });
      // Typing RESTORE is the user's part, not the app's: the measured windows leave it out.
      await confirm.fill('RESTORE');
      const previewLongTasks = await longTasks(page, clickAt, previewAt);
      await restoreButton(page).click({ timeout: 60_000 });
      const applyAt = await page.evaluate(() => window.__bench.lastClick);
      const restoredAt = await waitForWatcher(page, 'restored', 300_000);
      await page.waitForTimeout(500);
      const settledAt = await page.evaluate(() => performance.now());
      const applyLongTasks = await longTasks(page, applyAt, settledAt);
      const record = {
        run,
        previewMs: previewAt - clickAt,
        applyMs: restoredAt - applyAt,
        totalMs: previewAt - clickAt + (restoredAt - applyAt),
        longTasks: {
          longest: Math.max(previewLongTasks.longest, applyLongTasks.longest),
          count: previewLongTasks.count + applyLongTasks.count,
        },
      };
      log(
        `  store restore run ${run}${run < warmup ? ' (warm-up)' : ''}: ${record.totalMs.toFixed(0)} ms, longest task ${record.longTasks.longest.toFixed(0)} ms (preview ${previewLongTasks.longest.toFixed(0)}, apply ${applyLongTasks.longest.toFixed(0)})`,
      );
      if (run >= warmup) restores.push(record);
    }
  } finally {
    await context.close();
  }
  return { backups, restores };
}
