import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import type { CheckOutcome } from './folder-store/folder-harness';
import { startStaticServer, type SwitchableServer } from './helpers/static-server';

/**
 * The shared-folder store in Chromium over a real FileSystemDirectoryHandle (an Origin Private
 * File System folder): the same object-store checks the in-memory store and the S3 client pass,
 * then what a folder adds (sub-folders, half-written files unseen, a sync agent's hidden files,
 * a folder gone, access withdrawn) — in the page and in a Web Worker, where the app's store runs.
 */

let folder = '';
let server: SwitchableServer | undefined;

test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ff2api-folder-harness-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: folder,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('folder-store/folder-harness.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'harness.js',
      },
    },
  });
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><title>Folder store harness</title><script type="module" src="/harness.js"></script><main>harness</main>',
  );
  server = await startStaticServer(folder);
});

test.afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

const EXPECTED_CHECKS = 12;

function passed(outcomes: CheckOutcome[]): void {
  expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
  expect(outcomes).toHaveLength(EXPECTED_CHECKS);
}

test('the folder store keeps the object-store contract in the page', async ({ page }) => {
  await page.goto(server?.url ?? '');
  await page.waitForFunction(() => 'folderHarness' in window);
  const outcomes = await page.evaluate(() =>
    (window as unknown as { folderHarness: { runAll(): Promise<CheckOutcome[]> } }).folderHarness.runAll(),
  );
  passed(outcomes);
});

test('the folder store keeps the object-store contract in a Web Worker', async ({ page }) => {
  await page.goto(server?.url ?? '');
  const outcomes = await page.evaluate(
    () =>
      new Promise<CheckOutcome[]>((resolve, reject) => {
        const worker = new Worker('/harness.js', { type: 'module' });
        worker.onmessage = (event: MessageEvent<CheckOutcome[]>) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage('run');
      }),
  );
  passed(outcomes);
});
