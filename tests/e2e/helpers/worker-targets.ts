import type { Page } from '@playwright/test';

/** A dedicated worker as DevTools lists it (the database worker's title starts with ENGINE_PREFIX). */
export interface WorkerTarget {
  targetId: string;
  title: string;
}

/** The name the page gives each database worker (platform/worker-client.ts). */
export const ENGINE_PREFIX = 'ff2api-engine-';

/**
 * Every dedicated worker the browser runs for this page's context, nested ones included (the
 * snapshot checker and checksum helper the database worker starts) — from the browser's own
 * target list, so a worker that is gone is really gone, whatever the page believes.
 */
export async function listWorkerTargets(page: Page): Promise<WorkerTarget[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'worker').map((t) => ({ targetId: t.targetId, title: t.title }));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Whether a target is a database worker. */
export function isEngine(target: WorkerTarget): boolean {
  return target.title.startsWith(ENGINE_PREFIX);
}
