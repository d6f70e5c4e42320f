/** SHA-256 of a file's bytes, hex: what the store's copy must read back as. */
export async function sha256Hex(contents: Blob | Uint8Array): Promise<string> {
  const bytes = contents instanceof Uint8Array ? contents : new Uint8Array(await contents.arrayBuffer());
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
