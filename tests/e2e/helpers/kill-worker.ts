import { expect, type CDPSession, type Page } from '@playwright/test';

const ENGINE_PREFIX = 'ff2api-engine-';

/**
 * Kills the database worker the way the browser would, at once and mid-task: CDP stops the script
 * it is running (Runtime.terminateExecution reaches a busy worker), then the worker is closed; this
 * returns only once the browser no longer lists it.
 *
 * Why the check: terminateExecution can land during the close() sent right after it, which then
 * never runs, and the worker lives on (seen 1 run in 24: the restore finished and no restart was
 * noticed). Then both are sent again. Closing first instead was measured worse: a busy worker
 * finishes its current task before closing, and the operation often reached its end.
 */
export async function killWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const target = await findEngineTarget(cdp);
  expect(target, 'the database worker is running').toBeDefined();
  const targetId = target?.targetId ?? '';
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const send = (id: number, method: string, params: object = {}) =>
    cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
      .catch(() => undefined);
  for (let attempt = 0; attempt < 10; attempt++) {
    // Both through the worker's own DevTools session, back to back. Sent apart (the close through
    // Playwright's evaluate), a task of the stopped operation could run between them and report
    // its end, so the page no longer knew what had been cut short (1 run in 10).
    await Promise.all([
      send(2 * attempt + 1, 'Runtime.terminateExecution'),
      send(2 * attempt + 2, 'Runtime.evaluate', { expression: 'self.close()' }),
    ]);
    if (await isGone(cdp, targetId)) break;
  }
  expect(await isGone(cdp, targetId), 'the database worker was killed').toBe(true);
  await cdp.detach().catch(() => undefined);
}

/** The database worker by its name (the snapshot checker runs the same script under another). */
async function findEngineTarget(cdp: CDPSession) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.find((t) => t.type === 'worker' && t.title.startsWith(ENGINE_PREFIX));
}

/** Whether the browser stopped listing the worker within half a second. */
async function isGone(cdp: CDPSession, targetId: string): Promise<boolean> {
  for (let poll = 0; poll < 10; poll++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    if (!targetInfos.some((t) => t.targetId === targetId)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
