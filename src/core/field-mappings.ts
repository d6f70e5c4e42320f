import { findApiField, type ApiField } from './api-fields';
import { parseDateCell } from './csv/dates';
import { numberKindOf, readNumber } from './csv/number-fields';
import { fail, ok, type Result } from './result';

/**
 * A configuration's `field_mappings`: API field path → source, where the source is a CSV column
 * name or `MANUAL_VALUE:<value>` (one constant for every row). Keys starting with `_` are the
 * original's metadata placeholders; they are kept exactly as they are.
 */
export const MANUAL_VALUE_PREFIX = 'MANUAL_VALUE:';

const MESSAGES = {
  noField: 'A field mapping row has no API field. Choose an API field or remove the row.',
  twice: (path: string) => `“${path}” is mapped twice. Keep one row for it.`,
  noSource: (path: string) => `Choose a CSV column or a manual value for “${path}”, or remove the row.`,
  emptyManual: (path: string) => `The manual value for “${path}” is empty. Type a value or map a CSV column.`,
  notInEnum: (path: string, value: string, allowed: readonly string[]) =>
    `“${value}” is not a valid value for “${path}”. Use one of: ${allowed.join(', ')}.`,
  notNumber: (path: string) => `The manual value for “${path}” must be a number (a whole one for counts).`,
  notDate: (path: string) => `The manual value for “${path}” must be a date, e.g. 2026-01-15 or 2026-01-15T14:00.`,
} as const;

/** Whether a key is one of the original's metadata placeholders (never a real mapping). */
export function isMetadataKey(path: string): boolean {
  return path.startsWith('_');
}

/** Splits a source into its kind and text. */
export function describeSource(source: string): { kind: 'manual' | 'column'; text: string } {
  return source.startsWith(MANUAL_VALUE_PREFIX)
    ? { kind: 'manual', text: source.slice(MANUAL_VALUE_PREFIX.length) }
    : { kind: 'column', text: source };
}

/**
 * Checks mappings before they are stored: every row names a field and a source, no field twice,
 * manual values fit their field (enum values are stored in the catalog's spelling).
 */
export function checkFieldMappings(raw: Readonly<Record<string, string>>): Result<Record<string, string>> {
  // A Map, not an object literal: a key like "__proto__" must stay an ordinary key.
  const checked = new Map<string, string>();
  for (const [rawPath, rawSource] of Object.entries(raw)) {
    if (isMetadataKey(rawPath)) {
      checked.set(rawPath, rawSource);
      continue;
    }
    const path = rawPath.trim();
    if (path === '') return fail('mapping-no-field', MESSAGES.noField);
    if (checked.has(path)) return fail('mapping-twice', MESSAGES.twice(path));
    const source = checkSource(path, rawSource);
    if (!source.ok) return source;
    checked.set(path, source.value);
  }
  return ok(Object.fromEntries(checked));
}

/** Checks one source; returns it trimmed (and a manual enum value in canonical spelling). */
function checkSource(path: string, rawSource: string): Result<string> {
  const { kind, text } = describeSource(rawSource.trim());
  const value = text.trim();
  if (kind === 'column') return value === '' ? fail('mapping-no-source', MESSAGES.noSource(path)) : ok(value);
  if (value === '') return fail('mapping-empty-manual', MESSAGES.emptyManual(path));
  const field = findApiField(path);
  const manual = field ? checkManualValue(field, value) : ok(value);
  return manual.ok ? ok(`${MANUAL_VALUE_PREFIX}${manual.value}`) : manual;
}

/** Checks a manual value against its field's enum or type. */
function checkManualValue(field: ApiField, value: string): Result<string> {
  if (field.enum) {
    // Array fields take a comma-separated list of enum values.
    const parts = field.type === 'array' ? value.split(',').map((part) => part.trim()) : [value];
    const canonical: string[] = [];
    for (const part of parts) {
      const match = field.enum.find((allowed) => allowed.toUpperCase() === part.toUpperCase());
      if (!match) return fail('mapping-bad-enum', MESSAGES.notInEnum(field.path, part, field.enum));
      canonical.push(match);
    }
    return ok(canonical.join(','));
  }
  // Read as a cell of the file would be: a manual value is sent the same way.
  if (field.type === 'number' && !readNumber(value, numberKindOf(field.path)).ok) {
    return fail('mapping-not-number', MESSAGES.notNumber(field.path));
  }
  if (field.type === 'date' && parseDateCell(value) === null)
    return fail('mapping-not-date', MESSAGES.notDate(field.path));
  return ok(value);
}
