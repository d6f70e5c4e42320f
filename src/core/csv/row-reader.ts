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
import { layoutOf } from './row-layout';
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
  /** Typed values (mapped and defaulted), by slot of the plan's layout (see row-layout.ts). */
  values: unknown[];
  /** Paths whose value is a default, not the row's own. */
  defaulted: string[];
  problems: RowProblem[];
}

/** A row reader for one plan and header width; compile once, call per row. */
export function createRowReader(plan: MappingPlan, headerWidth: number): (cells: readonly string[], row: number) => ReadRow {
  const { paths, slotOf } = layoutOf(plan);
  const slot = (path: string) => slotOf.get(path) as number;
  const fields = plan.fields.map((planned) => ({ planned, slot: slot(planned.field.path) }));
  const rules = defaultRulesFor(plan.fields.map((planned) => planned.field.path)).map((rule) => ({ rule, slot: slot(rule.path) }));
  const required = plan.required.map((path) => ({ path, slot: slot(path) }));
  return (cells, row) => {
    const values: unknown[] = new Array<unknown>(paths.length);
    const problems: RowProblem[] = [];
    const defaulted: string[] = [];
    if (cells.length !== headerWidth) {
      problems.push({
        row, field: 'row', value: `${cells.length} cells`, expected: `${headerWidth} cells, one per header column`,
        message: `Row ${row} has ${cells.length} cells but the header has ${headerWidth} columns, so its values cannot be matched to columns. Fix the row in the file.`,
      });
      return { values, defaulted, problems };
    }
    for (const { planned, slot: at } of fields) {
      const raw = planned.column === null ? (planned.constant ?? '') : (cells[planned.column] ?? '');
      const text = raw.trim();
      if (text === '') continue;
      const typed = typeValue(planned.field, text);
      if (typed instanceof Refusal) problems.push({ row, field: planned.field.path, value: clip(text), expected: typed.expected, message: typed.message(row) });
      else values[at] = typed;
    }
    let derivedFromProblem: Set<string> | null = null;
    const get = (path: string) => {
      const at = slotOf.get(path);
      return at === undefined ? undefined : values[at];
    };
    for (const { rule, slot: at } of rules) {
      if (values[at] !== undefined) continue;
      const value = rule.value(get);
      if (value === undefined) {
        if (rule.from !== undefined && (derivedFromProblem?.has(rule.from) || problems.some((problem) => problem.field === rule.from))) {
          (derivedFromProblem ??= new Set()).add(rule.path);
        }
        continue;
      }
      values[at] = value;
      defaulted.push(rule.path);
    }
    for (const { path, slot: at } of required) {
      if (values[at] !== undefined || derivedFromProblem?.has(path) || (problems.length > 0 && problems.some((problem) => problem.field === path))) continue;
      problems.push({
        row, field: path, value: '', expected: ALWAYS_DEFAULTED.has(path) ? 'a value' : 'a value (required)',
        message: `Row ${row}: missing required field ${path}.`,
      });
    }
    return { values, defaulted, problems };
  };
}

/** Why a cell cannot be its field's value (a class, so a typed value needs no wrapper object). */
class Refusal {
  constructor(
    readonly expected: string,
    readonly message: (row: number) => string,
  ) {}
}

/** Types one non-empty cell for its field: the value, or a Refusal. */
function typeValue(field: ApiField, text: string): unknown {
  if (text.length > MAX_FIELD_CHARS) {
    return new Refusal(`at most ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters`, (row) =>
      `Row ${row}: ${field.path} holds ${text.length.toLocaleString('en-US')} characters; at most ${MAX_FIELD_CHARS.toLocaleString('en-US')} are sent.`);
  }
  if (field.type === 'array') {
    const parts = text.split(/[,;|]/u).map((part) => part.trim()).filter(Boolean);
    if (!field.enum) return parts;
    const matched = parts.map((part) => matchEnum(part, field.enum ?? []));
    return matched.some((value) => value === null) ? refuseEnum(field, text) : matched;
  }
  if (field.enum) return matchEnum(text, field.enum) ?? refuseEnum(field, text);
  if (field.type === 'number') {
    return parseNumberCell(text) ?? new Refusal('a number, e.g. 1250 or $1,250.50', (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not a number.`);
  }
  if (field.type === 'date') {
    return parseDateCell(text) ?? new Refusal('a date, e.g. 2026-01-15, 2026-01-15 08:00 or 1/15/2026 8:00 AM', (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not a date this app can read.`);
  }
  return text;
}

/** A refusal for a value outside the field's enum. */
function refuseEnum(field: ApiField, text: string): Refusal {
  const allowed = field.enum ?? [];
  const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')} … (${allowed.length} values)` : allowed.join(', ');
  return new Refusal(`one of ${list}`, (row) => `Row ${row}: ${field.path} is “${clip(text)}”, which is not one of ${list}.`);
}

/** Long cell text shortened for messages (the full cell stays in the file and the failed-rows CSV). */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
