/**
 * The data keys of an unlocked app, as non-extractable CryptoKeys: they can seal and open
 * records but no code (ours included) can read their bytes back out. The first one seals.
 */
export interface KeyRing {
  currentId: string;
  keys: ReadonlyMap<string, CryptoKey>;
}

/** The key that seals new records. */
export function currentKey(ring: KeyRing): CryptoKey {
  const key = ring.keys.get(ring.currentId);
  if (!key) throw new Error('A key ring always holds its current key');
  return key;
}
