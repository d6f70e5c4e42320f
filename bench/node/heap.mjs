// The JS heap of a dedicated worker, sampled through the Chrome DevTools Protocol (workers have no
// performance.memory). Counts V8's heap only: sql.js's wasm memory and large ArrayBuffers are
// outside it.

/** Samples a worker's used JS heap every `everyMs` while running; `stop()` returns the peak. */
export async function sampleWorkerHeap(browser, urlPart, everyMs = 200) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
  if (!target) {
    await cdp.detach();
    return { stop: async () => null };
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    waiting.get(message.id)?.(message.result ?? null);
    waiting.delete(message.id);
  });
  const usage = () =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(null));
    });
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = await usage();
      if (result?.usedSize > peak) peak = result.usedSize;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await cdp.detach().catch(() => undefined);
      return peak || null;
    },
  };
}
