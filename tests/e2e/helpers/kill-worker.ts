import { expect, type Page } from '@playwright/test';

/**
 * Kills the database worker the way the browser would, at once and mid-task: CDP stops the script
 * it is running (Runtime.terminateExecution reaches a busy worker), then the worker is closed.
 */
export async function killWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  // The database worker by its name (the snapshot checker runs the same script under another).
  const target = targetInfos.find((t) => t.type === 'worker' && t.title.startsWith('ff2api-engine-'));
  expect(target, 'the database worker is running').toBeDefined();
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target?.targetId ?? '', flatten: false });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.terminateExecution' }) });
  await Promise.all(page.workers().map((worker) => worker.evaluate(() => {
    if (self.name.startsWith('ff2api-engine-')) (self as unknown as { close(): void }).close();
  }).catch(() => undefined)));
  await cdp.detach();
}
