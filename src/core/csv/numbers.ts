/** Number cells as brokerages export them: `$1,250.50`, ` 42 `, `-3`. */

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/u;

/** The number a cell means once `$`, `,` and spaces are stripped, or null when it is not one. */
export function parseNumberCell(text: string): number | null {
  const bare = text.replace(/[$,\s]/gu, '');
  if (!NUMBER_TEXT.test(bare)) return null;
  const value = Number(bare);
  return Number.isFinite(value) ? value : null;
}
