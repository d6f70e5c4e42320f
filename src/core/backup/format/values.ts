import { normalizeName } from '../../names';
import { MAX_MAPPING_ENTRIES, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from './limits';

/**
 * Checks of single values from a file, shared by every shape we read. A check returns the value
 * to store or a `Bad` with the plain-words reason; the caller adds where it was.
 */

/** A value refused, with the reason in plain words ("should be a whole number, but is text"). */
export class Bad {
  constructor(readonly message: string) {}
}

/** Keys that could reach an object's prototype if some code ever copied them by assignment. */
export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first reserved key an object has as its own key (JSON.parse makes them own properties). */
export function reservedKeyOf(value: Record<string, unknown>): string | undefined {
  return RESERVED_KEYS.find((key) => Object.hasOwn(value, key));
}

/** A name (brokerage or configuration): text, tidied by the app's one name rule, 1–100 characters. */
export function checkName(value: unknown): string | Bad {
  if (typeof value !== 'string') return new Bad(`should be text, but is ${describeKind(value)}`);
  if (value.length > MAX_TEXT_LENGTH) return new Bad(`is longer than ${MAX_NAME_LENGTH} characters`);
  const name = normalizeName(value);
  if (name === '') return new Bad('is empty');
  if ([...name].length > MAX_NAME_LENGTH) return new Bad(`is longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

/**
 * field_mappings: an object whose values are all text (an API field → a CSV column,
 * `MANUAL_VALUE:…` or `DEFAULT_VALUE:…`; `_`-prefixed placeholder keys included). Returned as the
 * JSON text we store — JSON.stringify of the parsed object, so its key order is kept.
 */
export function checkMappingObject(value: unknown): string | Bad {
  if (!isPlainObject(value)) return new Bad(`should be an object, but is ${describeKind(value)}`);
  const reserved = reservedKeyOf(value);
  if (reserved !== undefined) return new Bad(`uses the reserved key "${reserved}", which no API field has`);
  const keys = Object.keys(value);
  if (keys.length > MAX_MAPPING_ENTRIES) return new Bad(`has more than ${MAX_MAPPING_ENTRIES} entries`);
  for (const key of keys) {
    const mapped = value[key];
    if (typeof mapped !== 'string')
      return new Bad(`maps "${clip(key)}" to ${describeKind(mapped)}; every mapping should be text`);
    if (key.length > MAX_TEXT_LENGTH || mapped.length > MAX_TEXT_LENGTH)
      return new Bad(`has an entry longer than ${MAX_TEXT_LENGTH} characters`);
  }
  return JSON.stringify(value);
}

/** api_credentials: an object whose values are text or null (base_url, api_key). */
export function checkCredentialObject(value: unknown): Record<string, string | null> | Bad {
  if (!isPlainObject(value)) return new Bad(`should be an object, but is ${describeKind(value)}`);
  const reserved = reservedKeyOf(value);
  if (reserved !== undefined) return new Bad(`uses the reserved key "${reserved}"`);
  const keys = Object.keys(value);
  if (keys.length > MAX_MAPPING_ENTRIES) return new Bad(`has more than ${MAX_MAPPING_ENTRIES} entries`);
  for (const key of keys) {
    const item = value[key];
    if (item !== null && typeof item !== 'string')
      return new Bad(`has "${clip(key)}" as ${describeKind(item)}; it should be text`);
    if (key.length > MAX_TEXT_LENGTH || (item?.length ?? 0) > MAX_TEXT_LENGTH)
      return new Bad(`has an entry longer than ${MAX_TEXT_LENGTH} characters`);
  }
  return value as Record<string, string | null>;
}

/** file_headers: null, or a list of text; returned as the JSON text we store. */
export function checkHeaderList(value: unknown): string | null | Bad {
  if (value === null) return null;
  if (!Array.isArray(value)) return new Bad(`should be a list of column names or null, but is ${describeKind(value)}`);
  if (value.length > MAX_MAPPING_ENTRIES) return new Bad(`has more than ${MAX_MAPPING_ENTRIES} entries`);
  for (const header of value) {
    if (typeof header !== 'string') return new Bad(`should hold only text, but holds ${describeKind(header)}`);
    if (header.length > MAX_TEXT_LENGTH) return new Bad(`has an entry longer than ${MAX_TEXT_LENGTH} characters`);
  }
  return JSON.stringify(value);
}

/** Plain words for the kind of a value, for messages. */
export function describeKind(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return 'an object';
}

/** A key shortened for a message. */
function clip(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}
