import { fail, ok, type Result } from '../result';

/**
 * The recovery key people print: 256 random bits written as 13 groups of 4 Crockford base32
 * characters (no I, L, O or U, so nothing reads as another; typing I, L or O is read as 1, 1, 0),
 * plus a 14th group that checks the others — the first 20 bits of their SHA-256 — so a typo is
 * named as a typo instead of failing like a wrong key.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 32;
const KEY_CHARS = 52; // 256 bits in 5-bit characters, rounded up (the first 4 bits are zero)
const GROUP = 4;

/** The printable text of a 32-byte key. */
export async function recoveryKeyText(key: Uint8Array): Promise<string> {
  if (key.byteLength !== RECOVERY_KEY_BYTES) throw new Error('a recovery key is 32 bytes');
  const body = toBase32(key);
  return groups(body + (await checkGroup(body)));
}

/**
 * The key bytes of typed text (spaces, dashes and case ignored). Codes: 'recovery-key-length'
 * (too short or long), 'recovery-key-typo' (a character that cannot appear, or the check fails).
 */
export async function parseRecoveryKey(typed: string): Promise<Result<Uint8Array>> {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== KEY_CHARS + GROUP) {
    return fail(
      'recovery-key-length',
      `A recovery key has ${(KEY_CHARS + GROUP) / GROUP} groups of 4 characters; ` +
        `this has ${cleaned.length} characters. ` +
        'Check that no group is missing or repeated.',
    );
  }
  const bad = [...cleaned].findIndex((c) => !ALPHABET.includes(c));
  const body = cleaned.slice(0, KEY_CHARS);
  const bytes = bad === -1 ? fromBase32(body) : null;
  if (bytes === null || (await checkGroup(body)) !== cleaned.slice(KEY_CHARS)) {
    const where = bad === -1 ? '' : ` (group ${Math.floor(bad / GROUP) + 1} has a character a recovery key never uses)`;
    return fail(
      'recovery-key-typo',
      `This recovery key has a typo${where}. Compare it with the printed key, group by group.`,
    );
  }
  return ok(bytes);
}

function groups(text: string): string {
  return text.match(/.{1,4}/g)?.join('-') ?? '';
}

async function checkGroup(body: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  const bits = ((digest[0] ?? 0) << 12) | ((digest[1] ?? 0) << 4) | ((digest[2] ?? 0) >> 4);
  return [15, 10, 5, 0].map((shift) => ALPHABET[(bits >> shift) & 31]).join('');
}

function toBase32(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < KEY_CHARS; i++) {
    text = (ALPHABET[Number(value & 31n)] ?? '') + text;
    value >>= 5n;
  }
  return text;
}

function fromBase32(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) value = (value << 5n) | BigInt(ALPHABET.indexOf(char));
  if (value >> BigInt(RECOVERY_KEY_BYTES * 8) !== 0n) return null; // the 4 spare bits must be zero
  const bytes = new Uint8Array(RECOVERY_KEY_BYTES);
  for (let i = RECOVERY_KEY_BYTES - 1; i >= 0; i--) {
    bytes[i] = Number(value & 255n);
    value >>= 8n;
  }
  return bytes;
}
