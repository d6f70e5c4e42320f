import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'vite';
import type { ConnectionReport } from '../../src/platform/team-store/connection-check';
import type { S3Settings } from '../../src/platform/team-store/s3-request';
import { startStaticServer, type SwitchableServer } from './helpers/static-server';

/**
 * The team store's client where it will run: a Web Worker in Chromium (no DOMParser; CORS
 * enforced), against the real S3 server (Ceph RGW, started by Playwright's global setup).
 * A connection check on a good bucket, on a bucket without a CORS rule and with a wrong secret;
 * a sealed 41 MiB object up in parts (ETag read through CORS) and back.
 */

let folder = '';
let server: SwitchableServer | undefined;
const harnessUrl = () => server?.url ?? 'http://127.0.0.1:0';

test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ff2api-store-harness-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: folder,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('team-store/store-harness.worker.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'harness.js',
      },
    },
  });
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>Team store harness</title><main>harness</main>');
  server = await startStaticServer(folder);
});

test.afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

function settings(change: Partial<S3Settings> = {}): S3Settings {
  return {
    endpoint: process.env.S3_ENDPOINT ?? '',
    region: process.env.S3_REGION ?? 'us-east-1',
    bucket: process.env.S3_BUCKET ?? '',
    accessKeyId: process.env.S3_ACCESS_KEY ?? '',
    secretAccessKey: process.env.S3_SECRET_KEY ?? '',
    ...change,
  };
}

const prefix = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}/`;

/** Runs one request in a fresh module worker on the harness page. */
async function inWorker<T>(page: Page, request: unknown): Promise<T> {
  const reply = await page.evaluate(
    (message) =>
      new Promise<{ ok: boolean; value?: unknown; error?: string }>((resolve) => {
        const worker = new Worker('/harness.js', { type: 'module' });
        worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
          resolve(event.data);
          worker.terminate();
        };
        worker.onerror = (event) => resolve({ ok: false, error: event.message });
        worker.postMessage(message);
      }),
    request,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const statuses = (report: ConnectionReport) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));

test.describe('team store client in a Chromium worker against Ceph RGW', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(harnessUrl());
  });

  test('a good bucket passes every step from the page', async ({ page }) => {
    const report = await inWorker<ConnectionReport>(page, { op: 'check', settings: settings(), prefix: prefix() });
    expect(statuses(report)).toEqual({
      reach: 'ok',
      signature: 'ok',
      cors: 'ok',
      list: 'ok',
      write: 'ok',
      read: 'ok',
      conditional: 'ok',
      delete: 'ok',
      protection: 'ok',
    });
  });

  test('a bucket without a CORS rule: a clear message and the rule for this page to paste', async ({ page }) => {
    const bucket = process.env.S3_BUCKET_NO_CORS ?? '';
    const report = await inWorker<ConnectionReport>(page, {
      op: 'check',
      settings: settings({ bucket }),
      prefix: prefix(),
    });
    expect(statuses(report)).toMatchObject({ reach: 'failed', cors: 'failed', list: 'skipped' });
    const cors = report.steps.find((s) => s.id === 'cors');
    expect(cors?.message).toContain(`add the rule below to the bucket's CORS settings (it allows ${harnessUrl()})`);
    expect(JSON.parse(report.corsRule.json)).toEqual([expect.objectContaining({ AllowedOrigins: [harnessUrl()] })]);
  });

  test('a wrong secret: the page cannot tell it from a missing rule, and says both', async ({ page }) => {
    const report = await inWorker<ConnectionReport>(page, {
      op: 'check',
      settings: settings({ secretAccessKey: 'not-the-secret-at-all' }),
      prefix: prefix(),
    });
    expect(statuses(report)).toMatchObject({ reach: 'failed', cors: 'failed' });
    const reach = report.steps.find((s) => s.id === 'reach');
    expect(reach?.message).toMatch(/missing the CORS rule for this app, or the store refused these credentials/);
  });

  test('a clock 20 minutes behind: the page cannot see the refusal, so the check compares clocks and says so', async ({
    page,
  }) => {
    const request = { op: 'check', settings: settings(), prefix: prefix(), clockOffsetMs: -20 * 60_000 };
    const report = await inWorker<ConnectionReport>(page, request);
    expect(statuses(report)).toMatchObject({ reach: 'failed', signature: 'failed', list: 'skipped' });
    const signature = report.steps.find((s) => s.id === 'signature');
    expect(signature?.message).toMatch(/clock is 20 minutes behind.*update automatically/);
  });

  test('a right clock with a missing rule does not blame the clock', async ({ page }) => {
    const bucket = process.env.S3_BUCKET_NO_CORS ?? '';
    const report = await inWorker<ConnectionReport>(page, {
      op: 'check',
      settings: settings({ bucket }),
      prefix: prefix(),
    });
    expect(statuses(report).signature).toBe('skipped');
  });

  test('a sealed 41 MiB object goes up in parts and comes back the same, with no DOMParser', async ({ page }) => {
    test.setTimeout(120_000);
    const result = await inWorker<{
      stage: string;
      etag?: string;
      same?: boolean;
      headerPerson?: string;
      deleted?: boolean;
      hasDomParser?: boolean;
    }>(page, { op: 'round-trip', settings: settings(), prefix: prefix(), bytes: 41 * 1024 * 1024 });
    expect(result).toMatchObject({
      stage: 'done',
      same: true,
      headerPerson: 'Worker',
      deleted: true,
      hasDomParser: false,
    });
    expect(result.etag).toMatch(/-\d+$/);
  });
});
