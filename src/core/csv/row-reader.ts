/**
 * Reads one data row through a mapping plan: every mapped value typed (numbers, dates, enums),
 * the defaults applied, and every problem located (row, field, value, what is expected). A row
 * with any problem is invalid: it is never sent, and it is counted and listed as failed.
 */
import type { ApiField } from '../api-fields';
import { defaultRulesFor, ALWAYS_DEFAULTED } from './defaults';
import { parseDateCell } from './dates';
import { matchEnum } from './enums';
import type { MappingPlan } from './mapping-plan';
import { parseNumberCell } from './numbers';

/** The longest text one field may carry; longer cells are refused, not cut. */
export const MAX_FIELD_CHARS = 10_000;

/** One problem in one row. `row` is 1-based among the data rows (the header is not counted). */
export interface RowProblem {
  row: number;
  /** The API field path, or `row` for a problem with the row as a whole. */
  field: string;
  value: string;
  expected: string;
  message: string;
}

export interface ReadRow {
  /** Typed values by API path (mapped and defaulted). */
  values: Record<string, unknown>;
  /** Paths whose value is a default, not the row's own. */
  defaulted: string[];
  problems: RowProblem[];
}

/** A row reader for one plan and header width; compile once, call per row. */
export function createRowReader(plan: MappingPlan, headerWidth: number): (cells: readonly string[], row: number) => ReadRow {
  const rules = defaultRulesFor(plan.fields.map((planned) => planned.field.path));
  const required = plan.required;
  return (cells, row) => {
    const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const problems: RowProblem[] = [];
    const defaulted: string[] = [];
    if (cells.length !== headerWidth) {
      problems.push({
        row, field: 'row', value: `${cells.length} cells`, expected: `${headerWidth} cells, one per header column`,
        message: `Row ${row} has ${cells.length} cells but the header has ${headerWidth} columns, so its values cannot be matched to columns. Fix the row in the file.`,
      });
      return { values, defaulted, problems };
    }
    for (const planned of plan.fields) {
      const raw = planned.column === null ? (planned.constant ?? '') : (cells[planned.column] ?? '');
      const text = raw.trim();
      if (text === '') continue;
      const typed = typeValue(planned.field, text);
      if (typed.ok) values[planned.field.path] = typed.value;
      else problems.push({ row, field: planned.field.path, value: clip(text), expected: typed.expected, message: typed.message(row) });
    }
    const derivedFromProblem = new Set<string>();
    for (const rule of rules) {
      if (values[rule.path] !== undefined) continue;
      const value = rule.value((path) => values[path]);
      if (value === undefined) {
        if (rule.from !== undefined && (derivedFromProblem.has(rule.from) || problems.some((problem) => problem.field === rule.from))) derivedFromProblem.add(rule.path);
        continue;
      }
      values[rule.path] = value;
      defaulted.push(rule.path);
    }
    for (const path of required) {
      if (values[path] !== undefined || derivedFromProblem.has(path) || problems.some((problem) => problem.field === path)) continue;
      problems.push({
        row, field: path, value: '', expected: ALWAYS_DEFAULTED.has(path) ? 'a value' : 'a value (required)',
        message: `Row ${row}: missing required field ${path}.`,
      });
    }
    return { values, defaulted, problems };
  };
}

type Typed = { ok: true; value: unknown } | { ok: false; expected: string; message: (row: number) => string };

/** Types one non-empty cell for its field. */
function typeValue(field: ApiField, text: string): Typed {
  if (text.length > MAX_FIELD_CHARS) {
    return refuse(`at most ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters`, (row) =>
      `Row ${row}: ${field.path} holds ${text.length.toLocaleString('en-US')} characters; at most ${MAX_FIELD_CHARS.toLocaleString('en-US')} are sent.`);
  }
  if (field.type === 'array') {
    const parts = text.split(/[,;|]/u).map((part) => part.trim()).filter(Boolean);
    if (!field.enum) return { ok: true, value: parts };
    const matched = parts.map((part) => matchEnum(part, field.enum ?? []));
    if (matched.some((value) => value === null)) return refuseEnum(field, text);
    return { ok: true, value: matched };
  }
  if (field.enum) {
    const value = matchEnum(text, field.enum);
    return value === null ? refuseEnum(field, text) : { ok: true, value };
  }
  if (field.type === 'number') {
    const value = parseNumberCell(text);
    return value === null ? refuse('a number, e.g. 1250 or $1,250.50', (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not a number.`) : { ok: true, value };
  }
  if (field.type === 'date') {
    const value = parseDateCell(text);
    return value === null
      ? refuse('a date, e.g. 2026-01-15, 2026-01-15 08:00 or 1/15/2026 8:00 AM', (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not a date this app can read.`)
      : { ok: true, value };
  }
  return { ok: true, value: text };
}

/** A refusal with what is expected. */
function refuse(expected: string, message: (row: number) => string): Typed {
  return { ok: false, expected, message };
}

/** A refusal for a value outside the field's enum. */
function refuseEnum(field: ApiField, text: string): Typed {
  const allowed = field.enum ?? [];
  const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')} … (${allowed.length} values)` : allowed.join(', ');
  return refuse(`one of ${list}`, (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not one of ${list}.`);
}

/** Long cell text shortened for messages (the full cell stays in the file and the failed-rows CSV). */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
