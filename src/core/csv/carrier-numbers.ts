/**
 * Carrier identifiers as brokerages write them: `MC456789`, `MC-456789`, `MC# 456789`,
 * `M.C. No. 456789`, `USDOT 1234567`, `US DOT# 1234567`, `DOT-1234567`, or the bare number
 * (`1,234,567` and Excel's `456789.0` too). The load API takes the number alone.
 */

export type CarrierNumberKind = 'mc' | 'dot';

/** What a cell says about a carrier number. */
export type CarrierNumberReading =
  | { kind: 'number'; value: number }
  /** The number carries the other identifier's prefix (a DOT number in the MC column). */
  | { kind: 'other-prefix'; prefix: string }
  | { kind: 'unreadable' };

// The prefix, then an optional "No."/"Number"/"#" and one separator, then the digits (grouped by
// commas or not, an Excel-style `.0` allowed). Anchored both ends: nothing else may be in the cell.
const PREFIX = String.raw`(M\.?\s?C\.?|U\.?\s?S\.?\s*-?\s*D\.?O\.?T\.?|D\.?O\.?T\.?)?`;
const SEPARATOR = String.raw`\s*(?:(?:No\.?|Number|#)\s*)?[-#:.]?\s*#?\s*`;
const DIGITS = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?`;
const CARRIER_NUMBER = new RegExp(`^${PREFIX}${SEPARATOR}${DIGITS}$`, 'iu');

/** Reads a carrier number cell for the MC or DOT field. */
export function readCarrierNumber(text: string, kind: CarrierNumberKind): CarrierNumberReading {
  const match = CARRIER_NUMBER.exec(text.trim());
  if (!match) return { kind: 'unreadable' };
  const prefix = match[1];
  if (prefix !== undefined && prefixKind(prefix) !== kind) return { kind: 'other-prefix', prefix: prefix.trim() };
  const value = Number((match[2] ?? '').replace(/,/gu, ''));
  return Number.isSafeInteger(value) && value > 0 ? { kind: 'number', value } : { kind: 'unreadable' };
}

/** Which identifier a written prefix names. */
function prefixKind(prefix: string): CarrierNumberKind {
  return /^m/iu.test(prefix) ? 'mc' : 'dot';
}
