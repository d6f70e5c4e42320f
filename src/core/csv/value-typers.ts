/**
 * How one field's cells become the values the API takes — numbers (carrier identifiers, counts,
 * measures, money), dates, fixed values, lists — chosen once per field of a plan, so reading a
 * row is one call per cell with no decision left to make.
 */
import type { ApiField } from '../api-fields';
import { parseDateCell } from './dates';
import { matchEnum } from './enums';
import { numberKindOf, readNumber } from './number-fields';

/** The longest text one field may carry; longer cells are refused, not cut. */
export const MAX_FIELD_CHARS = 10_000;

/** Why a cell cannot be its field's value (a class, so a typed value needs no wrapper object). */
export class Refusal {
  constructor(
    readonly expected: string,
    readonly message: (row: number) => string,
  ) {}
}

/** Types one non-empty, trimmed cell: the value, or a Refusal. */
export type CellTyper = (text: string) => unknown;

const DATE_EXPECTED = 'a date, e.g. 2026-01-15, 2026-01-15 08:00, 1/15/2026 8:00 AM or Jan 15, 2026';

/** The typer of a field. */
export function typerFor(field: ApiField): CellTyper {
  const typed = baseTyperFor(field);
  return (text) => (text.length > MAX_FIELD_CHARS ? refuseLong(field, text) : typed(text));
}

/** The typer without the length limit. */
function baseTyperFor(field: ApiField): CellTyper {
  const allowed = field.enum;
  if (field.type === 'array') {
    return (text) => {
      const parts = text
        .split(/[,;|]/u)
        .map((part) => part.trim())
        .filter(Boolean);
      if (!allowed) return parts;
      const matched = parts.map((part) => matchEnum(part, allowed));
      return matched.some((value) => value === null) ? refuseEnum(field, text) : matched;
    };
  }
  if (allowed) return (text) => matchEnum(text, allowed) ?? refuseEnum(field, text);
  if (field.type === 'number') {
    const kind = numberKindOf(field.path);
    return (text) => {
      const reading = readNumber(text, kind);
      return reading.ok
        ? reading.value
        : new Refusal(reading.expected, (row) => `Row ${row}: ${field.path} is “${clip(text)}”, ${reading.why}.`);
    };
  }
  if (field.type === 'date') {
    return (text) =>
      parseDateCell(text) ??
      new Refusal(
        DATE_EXPECTED,
        (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not a date this app can read.`,
      );
  }
  return (text) => text;
}

/** A refusal for a cell longer than any field may be. */
function refuseLong(field: ApiField, text: string): Refusal {
  const limit = MAX_FIELD_CHARS.toLocaleString('en-US');
  return new Refusal(
    `at most ${limit} characters`,
    (row) =>
      `Row ${row}: ${field.path} holds ${text.length.toLocaleString('en-US')} characters; at most ${limit} are sent.`,
  );
}

/** A refusal for a value outside the field's enum. */
function refuseEnum(field: ApiField, text: string): Refusal {
  const allowed = field.enum ?? [];
  const list =
    allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')} … (${allowed.length} values)` : allowed.join(', ');
  return new Refusal(
    `one of ${list}`,
    (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not one of ${list}.`,
  );
}

/** Long cell text shortened for messages (the full cell stays in the file and the failed-rows CSV). */
export function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
