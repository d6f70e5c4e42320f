/**
 * Fresh random bytes from the platform's CSPRNG (a module of its own: sealing records needs it at once, key derivation
 * only when unlocking).
 */
export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
