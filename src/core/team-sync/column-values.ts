import { MAX_DOCUMENT_LENGTH, MAX_ID, MAX_TEXT_LENGTH } from '../backup/format/limits';
import { isStorableText } from '../backup/format/text-rule';
import type { SqlValue } from '../db/sql-types';
import type { ColumnKind } from './sync-tables';

/**
 * Checks one value a teammate's change carries against what its column holds, so that applying
 * it can never fail a constraint half-way or store what a backup could not carry: the right type,
 * text the database gives back unchanged, JSON columns that are JSON, ids in the id range.
 * Returns what is wrong, or null.
 */
export function columnValueProblem(kind: ColumnKind, value: unknown): string | null {
  const nullable = kind.endsWith('?');
  if (value === null) return nullable ? null : 'is empty';
  switch (kind) {
    case 'text':
    case 'text?':
      return textProblem(value, MAX_DOCUMENT_LENGTH);
    case 'json':
    case 'json?':
      return textProblem(value, MAX_DOCUMENT_LENGTH) ?? jsonProblem(value as string);
    case 'int':
    case 'int?':
      return Number.isSafeInteger(value) && Math.abs(value as number) < MAX_ID ? null : 'is not a whole number';
    case 'real?':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'is not a number';
    case 'auth':
      return value === 'api_key' || value === 'bearer_token' ? null : 'is not an authentication type';
  }
}

/** True for an id a shared row may have. */
export function isRowId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) < MAX_ID;
}

/** A value as SQLite gives it (the types a change may carry). */
export function isSqlValue(value: unknown): value is SqlValue {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

function textProblem(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return 'is not text';
  if (value.length > Math.max(maxLength, MAX_TEXT_LENGTH)) return 'is too long';
  return isStorableText(value) ? null : 'holds a broken character';
}

function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch {
    return 'is not JSON';
  }
}
