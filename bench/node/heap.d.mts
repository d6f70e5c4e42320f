import type { Browser } from '@playwright/test';

/** Samples a worker's used JS heap every `everyMs`; `stop()` resolves with the peak in bytes (null when the worker was not found). */
export function sampleWorkerHeap(
  browser: Browser,
  urlPart: string,
  everyMs?: number,
): Promise<{ stop: () => Promise<number | null> }>;
