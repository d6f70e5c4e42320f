import { normalizeName } from '../../names';
import type { DataTable } from '../../db/schema';
import { MAX_COUNT, MAX_ID, MAX_NAME_LENGTH } from '../format/limits';
import { isStorableText, UNSTORABLE_TEXT } from '../format/text-rule';
import type { ProblemLog } from './problems';
import { isIsoUtc } from '../format/timestamps';
import { Bad, checkCredentialObject, checkHeaderList, checkMappingObject, describeKind } from '../format/values';

/**
 * The checks of one table's columns, value by value, as rows are read (used by columns.ts), and the names remembered
 * per file.
 */

/** Name checks remembered per file: history repeats a few names 100k times. */
export class NameMemo {
  private readonly seen = new Map<string, string | Bad>();

  /** The stored name, or why it is not one. Names must already be in the app's form. */
  check(value: string): string | Bad {
    let checked = this.seen.get(value);
    if (checked === undefined) {
      checked = checkStoredName(value);
      if (value.length <= MAX_NAME_LENGTH * 4) this.seen.set(value, checked);
    }
    return checked;
  }
}

function checkStoredName(v: string): string | Bad {
  if (v.trim() === '') return new Bad('is empty');
  if (!isStorableText(v)) return new Bad(UNSTORABLE_TEXT);
  if (v.length > MAX_NAME_LENGTH * 2 || [...v].length > MAX_NAME_LENGTH)
    return new Bad(`is longer than ${MAX_NAME_LENGTH} characters`);
  if (normalizeName(v) !== v) return new Bad('has spaces at its ends or runs of spaces, which FF2API Web never writes');
  return v;
}

/**
 * One check per kind of column. A failed check logs the problem, marks the row failed and returns
 * a placeholder of the right type, so a row reader is a plain object literal.
 */
export class ColumnChecker {
  failed = false;
  private index = 0;

  constructor(
    private readonly table: DataTable,
    private readonly problems: ProblemLog,
    private readonly names: NameMemo,
    private readonly jsonMemo: WeakMap<object, unknown> | null,
  ) {}

  begin(index: number): void {
    this.index = index;
    this.failed = false;
  }

  id(v: unknown, field: string): number {
    if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= MAX_ID) return v;
    return this.wrong(field, v, `should be a whole number from 1 to ${MAX_ID.toLocaleString('en-US')}`, 0);
  }

  optionalId(v: unknown, field: string): number | null {
    return v === null ? null : this.id(v, field);
  }

  count(v: unknown, field: string): number {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return v;
    return this.wrong(field, v, 'should be a whole number from 0 to 1,000,000,000,000', 0);
  }

  optionalCount(v: unknown, field: string): number | null {
    return v === null ? null : this.count(v, field);
  }

  positive(v: unknown, field: string): number {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_COUNT) return v;
    return this.wrong(field, v, 'should be a whole number of 1 or more', 1);
  }

  flag(v: unknown, field: string): number {
    if (v === 0 || v === 1) return v;
    return this.wrong(field, v, 'should be 0 or 1', 0);
  }

  seconds(v: unknown, field: string): number | null {
    if (v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COUNT)) return v;
    return this.wrong(field, v, 'should be a number of seconds of 0 or more, or null', null);
  }

  text(v: unknown, field: string, max: number): string {
    if (typeof v !== 'string') return this.wrong(field, v, 'should be text', '');
    if (v.length > max) return this.bad(field, `is longer than ${max.toLocaleString('en-US')} characters`, '');
    return isStorableText(v) ? v : this.bad(field, UNSTORABLE_TEXT, '');
  }

  optionalText(v: unknown, field: string, max: number): string | null {
    return v === null ? null : this.text(v, field, max);
  }

  time(v: unknown, field: string): string {
    if (typeof v === 'string' && v.length <= 40 && isIsoUtc(v)) return v;
    if (typeof v !== 'string')
      return this.wrong(field, v, 'should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z', '');
    return this.bad(
      field,
      `should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z, but is "${v.slice(0, 40)}"`,
      '',
    );
  }

  optionalTime(v: unknown, field: string): string | null {
    return v === null ? null : this.time(v, field);
  }

  name(v: unknown, field: string): string {
    if (typeof v !== 'string') return this.wrong(field, v, 'should be text', '');
    return this.orBad(field, this.names.check(v), '');
  }

  optionalName(v: unknown, field: string): string | null {
    return v === null ? null : this.name(v, field);
  }

  authType(v: unknown, field: string): 'api_key' | 'bearer_token' {
    if (v === 'api_key' || v === 'bearer_token') return v;
    if (v === undefined) return this.bad(field, 'is missing', 'api_key');
    return this.bad(
      field,
      `should be "api_key" or "bearer_token", but is ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describeKind(v)}`,
      'api_key',
    );
  }

  mapping(v: unknown, field: string): string {
    return this.orBad(field, v === undefined ? new Bad('is missing') : this.remembered(v, checkMappingObject), '');
  }

  credentials(v: unknown, field: string): string {
    const checked =
      v === undefined
        ? new Bad('is missing')
        : this.remembered(v, (value) => {
            const credentials = checkCredentialObject(value);
            return credentials instanceof Bad ? credentials : JSON.stringify(credentials);
          });
    return checked instanceof Bad ? this.bad(field, checked.message, '') : checked;
  }

  headers(v: unknown, field: string): string | null {
    return this.orBad(field, v === undefined ? new Bad('is missing') : this.remembered(v, checkHeaderList), null);
  }

  /** A JSON column's check, remembered per object when the objects are shared (see RowReader). */
  private remembered<T>(value: unknown, check: (value: unknown) => T): T {
    if (this.jsonMemo === null || typeof value !== 'object' || value === null) return check(value);
    if (this.jsonMemo.has(value)) return this.jsonMemo.get(value) as T;
    const checked = check(value);
    this.jsonMemo.set(value, checked);
    return checked;
  }

  private orBad<T>(field: string, checked: T | Bad, placeholder: T): T {
    return checked instanceof Bad ? this.bad(field, checked.message, placeholder) : checked;
  }

  /** A value of the wrong kind: "is missing", or the expectation and what it is instead. */
  private wrong<T>(field: string, value: unknown, expectation: string, placeholder: T): T {
    return this.bad(
      field,
      value === undefined ? 'is missing' : `${expectation}, but is ${describeKind(value)}`,
      placeholder,
    );
  }

  /** Logs a problem at this row and field, marks the row failed, returns the placeholder. */
  private bad<T>(field: string, message: string, placeholder: T): T {
    this.failed = true;
    this.problems.add(this.table, this.index, field, message);
    return placeholder;
  }
}
