/**
 * How each number field of the catalog is read. The original's formatter sent 15 of the 25 number
 * fields as whole numbers (`int(float(cell))`): route and item sequences, item quantity, weights,
 * inches, and the carrier's MC and DOT numbers; the other ten (money, temperatures, density,
 * coordinates) as decimals. Whole-number fields are read by what they hold:
 * - carrier identifiers lose their written prefix (`MC456789` → 456789);
 * - counts must be whole (half a pallet or a stop 1.5 is a mistake in the file, not a value);
 * - measures (pounds, inches) are rounded to the nearest whole unit, a unit word allowed.
 */
import { readCarrierNumber } from './carrier-numbers';
import { parseNumberCell } from './numbers';

export type NumberKind = 'mc' | 'dot' | 'count' | 'pounds' | 'inches' | 'money' | 'decimal';

const KINDS: ReadonlyMap<string, NumberKind> = new Map<string, NumberKind>([
  ['carrier.mcNumber', 'mc'],
  ['carrier.dotNumber', 'dot'],
  ['load.route.0.sequence', 'count'],
  ['load.route.1.sequence', 'count'],
  ['load.items.0.quantity', 'count'],
  ['load.items.0.pickupSequence', 'count'],
  ['load.items.0.deliverySequence', 'count'],
  ['load.items.0.totalWeightLbs', 'pounds'],
  ['bidCriteria.totalWeightLbs', 'pounds'],
  ['load.items.0.lengthInches', 'inches'],
  ['load.items.0.widthInches', 'inches'],
  ['load.items.0.heightInches', 'inches'],
  ['bidCriteria.dimensions.heightInches', 'inches'],
  ['bidCriteria.dimensions.lengthInches', 'inches'],
  ['bidCriteria.dimensions.widthInches', 'inches'],
  ['bidCriteria.targetCostUsd', 'money'],
  ['bidCriteria.maxBidAmountUsd', 'money'],
]);

/** How a number field's cells are read (decimal for any field not listed). */
export function numberKindOf(path: string): NumberKind {
  return KINDS.get(path) ?? 'decimal';
}

/** A number cell read: its value, or why it is not one (`expected` for the problem list). */
export type NumberReading = { ok: true; value: number } | { ok: false; expected: string; why: string };

const UNITS: Partial<Record<NumberKind, RegExp>> = {
  pounds: /\s*(?:lbs?|pounds?)\.?$/iu,
  inches: /\s*(?:in|inch(?:es)?|")\.?$/iu,
  money: /^\s*USD\s*|\s*USD\s*$/giu,
};

const EXPECTED: Record<NumberKind, string> = {
  mc: 'an MC number, e.g. 456789 or MC456789',
  dot: 'a DOT number, e.g. 1234567 or USDOT 1234567',
  count: 'a whole number, e.g. 2',
  pounds: 'a weight in pounds, e.g. 45000 or 45,000 lbs',
  inches: 'a length in inches, e.g. 48',
  money: 'an amount, e.g. 1250 or $1,250.50',
  decimal: 'a number, e.g. 1250 or 12.5',
};

/** Reads one non-empty cell of a number field of this kind. */
export function readNumber(text: string, kind: NumberKind): NumberReading {
  if (kind === 'mc' || kind === 'dot') {
    const reading = readCarrierNumber(text, kind);
    if (reading.kind === 'number') return { ok: true, value: reading.value };
    const [own, other] = kind === 'mc' ? ['an MC', 'a DOT'] : ['a DOT', 'an MC'];
    const why =
      reading.kind === 'other-prefix'
        ? `which is written as ${other} number (“${reading.prefix}”), not ${own} number`
        : `which is not ${own} number`;
    return { ok: false, expected: EXPECTED[kind], why };
  }
  const unit = UNITS[kind];
  const value = parseNumberCell(unit ? text.replace(unit, '') : text);
  if (value === null) return { ok: false, expected: EXPECTED[kind], why: 'which is not a number' };
  if (kind === 'count' && !Number.isInteger(value))
    return { ok: false, expected: EXPECTED[kind], why: 'which is not a whole number' };
  return { ok: true, value: kind === 'pounds' || kind === 'inches' ? Math.round(value) : value };
}
