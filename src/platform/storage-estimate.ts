/** How much of the browser's storage this origin uses, and its quota (works in workers too). */

/** Usage and quota in bytes; null when the browser cannot tell (older browsers, Node). */
export async function estimateStorage(): Promise<{ usageBytes: number; quotaBytes: number } | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usageBytes: usage, quotaBytes: quota };
  } catch {
    return null;
  }
}
