import { MAX_COUNT } from '../format/limits';
import { Bad, describeKind, isPlainObject, reservedKeyOf } from '../format/values';
import type { ProblemLog } from './problems';

/**
 * Hand-written field checks for the small, irregular objects of other shapes (the original's rows,
 * headers and the sealed-data parameters): a spec maps each key to a rule that returns the value or
 * a `Bad`. It replaces a schema library, which cost ≈ 28 kB of the worker's script for these few
 * shapes. Messages never print a value whole, so a deeply nested value cannot blow them up.
 */

/** One field's check: the value as used, or why it is refused. */
export type FieldRule<T> = (value: unknown) => T | Bad;

type Checked<S> = { [K in keyof S]: S[K] extends FieldRule<infer T> ? T : never };

/** Text of at most `max` characters. */
export const text =
  (max: number): FieldRule<string> =>
  (v) => {
    if (typeof v !== 'string')
      return new Bad(v === undefined ? 'is missing' : `should be text, but is ${describeKind(v)}`);
    return v.length <= max ? v : new Bad(`is longer than ${max.toLocaleString('en-US')} characters`);
  };

/** Text, null or absent. */
export const optionalText =
  (max: number): FieldRule<string | null | undefined> =>
  (v) =>
    v === undefined || v === null ? v : text(max)(v);

/** Text or absent (null is refused). */
export const optionalString =
  (max: number): FieldRule<string | undefined> =>
  (v) =>
    v === undefined ? v : text(max)(v);

/** A whole number from 0 to MAX_COUNT, null or absent. */
export const optionalCount: FieldRule<number | null | undefined> = (v) => {
  if (v === undefined || v === null) return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return v;
  return new Bad(`should be a whole number from 0 to 1,000,000,000,000, but is ${describeKind(v)}`);
};

/** A whole number within [min, max]. */
export const integer =
  (min: number, max: number): FieldRule<number> =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : new Bad(
          v === undefined
            ? 'is missing'
            : `should be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, but is ${describeKind(v)}`,
        );

/** Exactly one of the given strings. */
export const oneOf =
  <T extends string>(...values: T[]): FieldRule<T> =>
  (v) =>
    typeof v === 'string' && (values as string[]).includes(v)
      ? (v as T)
      : new Bad(
          v === undefined
            ? 'is missing'
            : `should be ${values.map((x) => `"${x}"`).join(' or ')}, but is ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describeKind(v)}`,
        );

/** One of the given strings, null or absent. */
export const optionalOneOf =
  <T extends string>(...values: T[]): FieldRule<T | null | undefined> =>
  (v) =>
    v === undefined || v === null ? v : oneOf(...values)(v);

/** Anything (looked at later by a dedicated check). */
export const anything: FieldRule<unknown> = (v) => v;

/**
 * Checks an object against a spec, logging each problem at `section`, `index`, key. Refuses
 * reserved keys first. Null when anything was wrong.
 */
export function checkFields<S extends Record<string, FieldRule<unknown>>>(
  spec: S,
  raw: unknown,
  section: string,
  index: number | undefined,
  problems: ProblemLog,
): Checked<S> | null {
  if (!isPlainObject(raw)) {
    problems.add(section, index, undefined, `should be an object, but is ${describeKind(raw)}`);
    return null;
  }
  const reserved = reservedKeyOf(raw);
  if (reserved !== undefined) {
    problems.add(section, index, reserved, `uses the reserved key "${reserved}", which no backup row has`);
    return null;
  }
  const out: Record<string, unknown> = {};
  let isFine = true;
  for (const key of Object.keys(spec)) {
    const value = (spec[key] as FieldRule<unknown>)(Object.hasOwn(raw, key) ? raw[key] : undefined);
    if (value instanceof Bad) {
      problems.add(section, index, key, value.message);
      isFine = false;
    } else out[key] = value;
  }
  return isFine ? (out as Checked<S>) : null;
}
