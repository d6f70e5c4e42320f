/**
 * Reads one data row through a mapping plan: every mapped value typed (numbers, dates, enums),
 * the defaults applied, and every problem located (row, field, value, what is expected). A row
 * with any problem is invalid: it is never sent, and it is counted and listed as failed.
 */
import { defaultRulesFor, ALWAYS_DEFAULTED } from './defaults';
import type { MappingPlan } from './mapping-plan';
import { layoutOf } from './row-layout';
import { clip, Refusal, typerFor } from './value-typers';

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
export function createRowReader(
  plan: MappingPlan,
  headerWidth: number,
): (cells: readonly string[], row: number) => ReadRow {
  const { paths, slotOf } = layoutOf(plan);
  const slot = (path: string) => slotOf.get(path) as number;
  const fields = plan.fields.map((planned) => ({
    planned,
    slot: slot(planned.field.path),
    type: typerFor(planned.field),
  }));
  const rules = defaultRulesFor(plan.fields.map((planned) => planned.field.path)).map((rule) => ({
    rule,
    slot: slot(rule.path),
  }));
  const required = plan.required.map((path) => ({ path, slot: slot(path) }));
  return (cells, row) => {
    const values: unknown[] = new Array<unknown>(paths.length);
    const problems: RowProblem[] = [];
    const defaulted: string[] = [];
    if (cells.length !== headerWidth) {
      problems.push({
        row,
        field: 'row',
        value: `${cells.length} cells`,
        expected: `${headerWidth} cells, one per header column`,
        message: `Row ${row} has ${cells.length} cells but the header has ${headerWidth} columns, so its values cannot be matched to columns. Fix the row in the file.`,
      });
      return { values, defaulted, problems };
    }
    for (const { planned, slot: at, type } of fields) {
      const raw = planned.column === null ? (planned.constant ?? '') : (cells[planned.column] ?? '');
      const text = raw.trim();
      if (text === '') continue;
      const typed = type(text);
      if (typed instanceof Refusal)
        problems.push({
          row,
          field: planned.field.path,
          value: clip(text),
          expected: typed.expected,
          message: typed.message(row),
        });
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
        if (
          rule.from !== undefined &&
          (derivedFromProblem?.has(rule.from) || problems.some((problem) => problem.field === rule.from))
        ) {
          (derivedFromProblem ??= new Set()).add(rule.path);
        }
        continue;
      }
      values[at] = value;
      defaulted.push(rule.path);
    }
    for (const { path, slot: at } of required) {
      if (
        values[at] !== undefined ||
        derivedFromProblem?.has(path) ||
        (problems.length > 0 && problems.some((problem) => problem.field === path))
      )
        continue;
      problems.push({
        row,
        field: path,
        value: '',
        expected: ALWAYS_DEFAULTED.has(path) ? 'a value' : 'a value (required)',
        message: `Row ${row}: missing required field ${path}.`,
      });
    }
    return { values, defaulted, problems };
  };
}
