// Drives the BUILT app (vite build → vite preview) in Chromium, as a user does: restore a
// generated backup through the sidebar, download a backup, reload. Records the main thread's long
// tasks (PerformanceObserver 'longtask') and the wall time until each success message.
import { sampleWorkerHeap } from './heap.mjs';
import { sourceResolver } from './sourcemap.mjs';

/**
 * Runs in the page before the app: collects long tasks and clicks, and records when awaited
 * texts appear in the sidebar (a MutationObserver; no polling on the page's main thread).
 * A watcher fires only when its text shows after having been absent, so an old message left on
 * screen is not mistaken for the new one.
 */
export function pageInit() {
  const state = { longtasks: [], lastClick: null, watchers: [] };
  window.__bench = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longtasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    state.noLongtasks = true;
  }
  document.addEventListener('click', () => (state.lastClick = performance.now()), true);
  const present = (watcher) => {
    const aside = document.querySelector(watcher.scope ?? 'aside[aria-label="Database management"]');
    if (!aside) return false;
    const pattern = new RegExp(watcher.source);
    const nodes = watcher.role ? [...aside.querySelectorAll(`[role="${watcher.role}"]`)] : [aside];
    return nodes.some((node) => pattern.test(node.textContent ?? ''));
  };
  const check = () => {
    for (const watcher of state.watchers) {
      if (watcher.at !== null) continue;
      if (present(watcher)) {
        if (watcher.absentSeen) watcher.at = performance.now();
      } else watcher.absentSeen = true;
    }
  };
  state.watch = (name, source, role = null, absentSeen = false, scope = null) => {
    state.watchers = state.watchers.filter((w) => w.name !== name);
    state.watchers.push({ name, source, role, at: null, absentSeen, scope });
    check();
  };
  // From the very start of every load: the status line (empty or with counts); more from
  // sessionStorage (set before a reload).
  state.watchers.push({
    name: 'status',
    source: 'Database is empty|[\\d,]+ uploads?\\b',
    role: null,
    at: null,
    absentSeen: true,
  });
  try {
    for (const w of JSON.parse(sessionStorage.getItem('bench-watch') ?? '[]'))
      state.watchers.push({ ...w, at: null, absentSeen: true });
  } catch {
    // none
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

// Plain CSS and text locators inside measured windows: Playwright's role and label engines
// compute accessibility in the page, which would itself show up as main-thread work.
const SIDEBAR = 'aside[aria-label="Database management"]';
export const restoreInput = (page) =>
  page.locator(`${SIDEBAR} section[aria-labelledby="restore-heading"] input[type="file"]`); // “Restore from backup”
export const restoreButton = (page) =>
  page.locator(`${SIDEBAR} button[type="submit"]`, { hasText: /^Restore database$/ });
export const downloadButton = (page) => page.locator(`${SIDEBAR} button`, { hasText: /^Download backup$/ });

export async function waitForWatcher(page, name, timeout) {
  await page.waitForFunction((n) => window.__bench.watchers.find((w) => w.name === n)?.at != null, name, {
    timeout,
    polling: 200,
  });
  return page.evaluate((n) => window.__bench.watchers.find((w) => w.name === n).at, name);
}

/** Long tasks that overlap [from, to]: the longest, how many, and the blocking time beyond 50 ms. */
export async function longTasks(page, from, to) {
  const tasks = await page.evaluate(
    ([a, b]) => window.__bench.longtasks.filter((t) => t.start + t.duration >= a && t.start <= b),
    [from, to],
  );
  return {
    longest: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
    count: tasks.length,
    blocking: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

async function mainHeap(page) {
  return page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
}

/**
 * Options: browser, url, file (path of the generated backup), uploads (its upload count),
 * runs (measured), warmup, log.
 */
export async function driveApp({ browser, url, file, uploads, runs, warmup, log }) {
  const restores = [];
  const backups = [];
  const snapshots = [];
  const coldStarts = [];
  const pageLoads = [];
  const uploadsText = `${uploads.toLocaleString('en-US')} uploads?\\b`;
  let context = null;
  let page = null;

  try {
    for (let run = 0; run < warmup + runs; run++) {
      // A new context is a new, empty browser profile: the database starts empty, so a replace
      // needs no typed confirmation.
      await context?.close();
      context = await browser.newContext({
        acceptDownloads: true,
        locale: 'en-US',
        timezoneId: 'UTC',
        viewport: { width: 1280, height: 900 },
      });
      await context.addInitScript(pageInit);
      page = await context.newPage();
      page.on('pageerror', (error) => log(`  app page error: ${error.message}`));
      await page.goto(url);
      const emptyAt = await waitForWatcher(page, 'status', 60_000);
      pageLoads.push({ run, statusShownMs: emptyAt, ...(await longTasks(page, 0, emptyAt)) });
      await page.waitForTimeout(300);

      await page.evaluate(() => {
        window.__bench.watch('preview', 'How to restore');
        window.__bench.watch('restored', 'Database restored successfully', 'status');
      });
      const heap = await sampleWorkerHeap(browser, 'db.worker');
      const t0 = await page.evaluate(() => performance.now());
      await restoreInput(page).setInputFiles(file);
      const previewAt = await waitForWatcher(page, 'preview', 120_000);
      // The database is empty, so replacing needs no typed RESTORE: the button is enabled.
      await restoreButton(page).click({ timeout: 60_000 });
      const clickAt = await page.evaluate(() => window.__bench.lastClick);
      const restoredAt = await waitForWatcher(page, 'restored', 300_000);
      await page.waitForTimeout(500); // lets the reload of lists after the restore finish
      const settledAt = await page.evaluate(() => performance.now());
      const record = {
        run,
        inspectMs: previewAt - t0,
        applyMs: restoredAt - clickAt,
        totalMs: previewAt - t0 + (restoredAt - clickAt),
        longTasks: await longTasks(page, t0, settledAt),
        inspectLongTasks: await longTasks(page, t0, previewAt),
        applyLongTasks: await longTasks(page, clickAt, settledAt),
        heapBytes: await mainHeap(page),
        workerHeapPeakBytes: await heap.stop(),
      };
      log(
        `  app restore run ${run}${run < warmup ? ' (warm-up)' : ''}: ${record.totalMs.toFixed(0)} ms, longest task ${record.longTasks.longest.toFixed(0)} ms`,
      );
      if (run >= warmup) restores.push(record);
    }

    // Backups of the restored database, in the last context.
    for (let run = 0; run < warmup + runs; run++) {
      await page.evaluate(() => window.__bench.watch('backup', 'Backup ready', 'status'));
      const button = downloadButton(page);
      await button.waitFor({ state: 'visible' });
      const t0 = await page.evaluate(() => performance.now());
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
      const clickAt = await page.evaluate(() => window.__bench.lastClick);
      const readyAt = await waitForWatcher(page, 'backup', 120_000);
      await page.waitForTimeout(500);
      const settledAt = await page.evaluate(() => performance.now());
      const record = {
        run,
        totalMs: readyAt - clickAt,
        longTasks: await longTasks(page, Math.min(t0, clickAt), settledAt),
        fileName: download.suggestedFilename(),
        heapBytes: await mainHeap(page),
      };
      await download.delete();
      log(
        `  app backup run ${run}${run < warmup ? ' (warm-up)' : ''}: ${record.totalMs.toFixed(0)} ms, longest task ${record.longTasks.longest.toFixed(0)} ms`,
      );
      if (run >= warmup) backups.push(record);
    }

    // `Take snapshot now` in the Backups view, with the restored database.
    await page.goto(`${url}#/backups`);
    const take = page.locator('main section[aria-label="Snapshots"] button', { hasText: /^Take snapshot now$/ });
    await take.waitFor({ state: 'visible', timeout: 60_000 });
    for (let run = 0; run < warmup + runs; run++) {
      await page.evaluate(() =>
        window.__bench.watch(
          'snapshot',
          'Snapshot taken and verified',
          'status',
          false,
          'main section[aria-label="Snapshots"]',
        ),
      );
      await page.waitForTimeout(300);
      await take.click();
      const clickAt = await page.evaluate(() => window.__bench.lastClick);
      const doneAt = await waitForWatcher(page, 'snapshot', 300_000);
      await page.waitForTimeout(500);
      const settledAt = await page.evaluate(() => performance.now());
      const record = { run, totalMs: doneAt - clickAt, longTasks: await longTasks(page, clickAt, settledAt) };
      log(
        `  app snapshot run ${run}${run < warmup ? ' (warm-up)' : ''}: ${record.totalMs.toFixed(0)} ms, longest task ${record.longTasks.longest.toFixed(0)} ms`,
      );
      if (run >= warmup) snapshots.push(record);
    }

    // Cold start of the whole app with the restored database: reload until the status line
    // shows the uploads.
    await page.evaluate(
      (source) => sessionStorage.setItem('bench-watch', JSON.stringify([{ name: 'loaded', source }])),
      uploadsText,
    );
    for (let run = 0; run < warmup + runs; run++) {
      await page.reload();
      const loadedAt = await waitForWatcher(page, 'loaded', 60_000);
      const record = { run, statusShownMs: loadedAt, longTasks: await longTasks(page, 0, loadedAt) };
      log(
        `  app cold start run ${run}${run < warmup ? ' (warm-up)' : ''}: ${loadedAt.toFixed(0)} ms to "${uploads.toLocaleString('en-US')} uploads"`,
      );
      if (run >= warmup) coldStarts.push(record);
    }
  } finally {
    await context?.close();
  }
  return { restores, backups, snapshots, coldStarts, pageLoads };
}

/**
 * Self time in a CDP CPU profile, largest first (idle and program left out), each sample named by
 * its app frame — the innermost frame in the app's code, mapped back to src/ when `resolve` finds
 * a source map — and, when the time is spent in a browser built-in (Blob, postMessage, Intl…)
 * called from there, that built-in's name.
 */
function topFunctions(profile, resolve, limit = 10) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const describe = (frame) => {
    const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
    return (
      resolve?.(file, frame.lineNumber, frame.columnNumber) ??
      `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    );
  };
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const leaf = byNode.get(id)?.callFrame;
    if (!leaf || leaf.functionName === '(idle)' || leaf.functionName === '(program)') return;
    let key = leaf.functionName || '(anonymous)';
    if (leaf.url) key = describe(leaf);
    else {
      for (let up = parent.get(id); up !== undefined; up = parent.get(up)) {
        const frame = byNode.get(up)?.callFrame;
        if (frame?.url) {
          key = `${key} ← ${describe(frame)}`;
          break;
        }
      }
    }
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }));
}

/**
 * One extra restore and backup with the page's CPU profiler on (not part of the figures): saves
 * .cpuprofile files (open them in DevTools → Performance) and returns the top functions.
 */
export async function profileApp({ browser, url, file, outDir, assetsDir, log }) {
  const resolve = sourceResolver(assetsDir);
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(outDir, { recursive: true });
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addInitScript(pageInit);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await page.goto(url);
    await waitForWatcher(page, 'status', 60_000);
    const result = {};
    await cdp.send('Profiler.start');
    await page.evaluate(() => window.__bench.watch('restored', 'Database restored successfully', 'status'));
    await restoreInput(page).setInputFiles(file);
    await restoreButton(page).click({ timeout: 120_000 });
    await waitForWatcher(page, 'restored', 300_000);
    await page.waitForTimeout(500);
    let { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${outDir}/restore.cpuprofile`, JSON.stringify(profile));
    result.restore = topFunctions(profile, resolve);
    await cdp.send('Profiler.start');
    await page.evaluate(() => window.__bench.watch('backup', 'Backup ready', 'status'));
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      downloadButton(page).click(),
    ]);
    await waitForWatcher(page, 'backup', 120_000);
    await page.waitForTimeout(500);
    ({ profile } = await cdp.send('Profiler.stop'));
    await download.delete();
    writeFileSync(`${outDir}/backup.cpuprofile`, JSON.stringify(profile));
    result.backup = topFunctions(profile, resolve);
    for (const [what, list] of Object.entries(result)) {
      log(
        `  main-thread profile of the ${what}: ${list
          .slice(0, 5)
          .map((f) => `${f.fn} ${f.ms} ms`)
          .join('; ')}`,
      );
    }
    return result;
  } finally {
    await context.close();
  }
}
