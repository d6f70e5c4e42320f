/**
 * The one rule for text the database can store and give back unchanged. sql.js converts text to
 * UTF-8 on the way in and decodes it with a TextDecoder on the way out, so two kinds of JavaScript
 * string do not survive: an unpaired UTF-16 surrogate (stored as bytes that read back as U+FFFD)
 * and a leading U+FEFF (dropped as a byte-order mark when read back). Files we wrote can never
 * hold them; in files of the original app they are repaired (with a counted warning); in our
 * own files they are refused, as any edit is.
 */

const BYTE_ORDER_MARK = '\uFEFF';

/** ES2024 string methods (Node 20, Chromium); the project's TypeScript lib is ES2023. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
const wellFormed = (text: string) => text as unknown as WellFormedString;

/** True when the database gives this text back exactly. */
export function isStorableText(text: string): boolean {
  return !text.startsWith(BYTE_ORDER_MARK) && wellFormed(text).isWellFormed();
}

/** The text the database would give back: unpaired surrogates → U+FFFD, a leading U+FEFF dropped. */
export function toStorableText(text: string): string {
  let repaired = wellFormed(text).isWellFormed() ? text : wellFormed(text).toWellFormed();
  while (repaired.startsWith(BYTE_ORDER_MARK)) repaired = repaired.slice(1);
  return repaired;
}

/** Why a text is not storable, in plain words (for located problems). */
export const UNSTORABLE_TEXT =
  'holds a broken character (an unpaired surrogate or a leading byte-order mark) that FF2API Web never writes';
