/**
 * A rough strength hint for backup passphrases: an estimate of the guesses needed, from length
 * and the kinds of characters used, with repeats and sequences discounted. It guides; it does not
 * refuse (only the minimum length does). Several random words are the easy way to "Strong".
 */

export type PassphraseStrength = 'too short' | 'weak' | 'fair' | 'strong';

const COMMON = [
  'password',
  'passphrase',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'ff2api',
  'backup',
  '123456',
  'abc123',
];

/** How strong a passphrase looks, given the shortest one allowed. */
export function ratePassphrase(passphrase: string, minLength: number): PassphraseStrength {
  if ([...passphrase].length < minLength) return 'too short';
  const bits = estimateBits(passphrase);
  if (bits < 45) return 'weak';
  if (bits < 70) return 'fair';
  return 'strong';
}

/** Estimated entropy in bits: characters that add something new, times the bits of their pool. */
export function estimateBits(passphrase: string): number {
  const lower = passphrase.toLowerCase();
  if (COMMON.some((word) => lower.includes(word)) && lower.length < 16) return 20;
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  const chars = [...passphrase];
  let counted = 0;
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i]?.codePointAt(0) ?? 0;
    const previous = chars[i - 1]?.codePointAt(0);
    // "aaaa" and "abcd"/"1234" add little: count such a character as a quarter.
    counted += previous !== undefined && Math.abs(code - previous) <= 1 ? 0.25 : 1;
  }
  return counted * Math.log2(Math.max(pool, 1));
}

/** What the hint under the field says. */
export const STRENGTH_TEXT: Record<PassphraseStrength, string> = {
  'too short': 'Too short',
  weak: 'Weak: easy to guess. Use more words.',
  fair: 'Fair. A few more words make it strong.',
  strong: 'Strong.',
};
