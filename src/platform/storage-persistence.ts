/** Asks the browser not to evict our storage, and reports whether it agreed. */

/** True/false when the browser says; null when it cannot tell (older browsers, jsdom). */
export async function isStoragePersisted(): Promise<boolean | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persisted) return null;
  try {
    return await storage.persisted();
  } catch {
    return null;
  }
}

/** Requests persistent storage; headless Chromium on localhost answers false, which is normal. */
export async function requestStoragePersistence(): Promise<boolean | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return null;
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}
