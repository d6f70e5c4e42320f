/**
 * Validation of every row of a file before anything is sent: which rows are valid, and every
 * problem of the others. Invalid rows are never dropped: the run counts them as failed and
 * lists them.
 */
import { compileMappingPlan, type MappingPlan } from './mapping-plan';
import type { Table } from './parse-table';
import { createRowReader, type RowProblem } from './row-reader';
import { valueAt } from './row-layout';

/** The share of valid rows from which `Continue anyway` is offered. */
export const CONTINUE_ANYWAY_SHARE = 0.9;

export interface TableValidation {
  plan: MappingPlan;
  /** 1-based row numbers of the valid rows, in order. */
  validRows: number[];
  invalidCount: number;
  /** Each invalid row with its load number (when readable) and its problems in one message. */
  invalidRows: { row: number; loadNumber: string | null; message: string }[];
  /** Every problem, in row order. */
  problems: RowProblem[];
}

/** Validates every row of a table against mappings. */
export function validateTable(table: Table, mappings: Readonly<Record<string, string>>): TableValidation {
  const plan = compileMappingPlan(mappings, table.headers);
  const read = createRowReader(plan, table.headers.length);
  const validRows: number[] = [];
  const problems: RowProblem[] = [];
  const invalidRows: TableValidation['invalidRows'] = [];
  let invalidCount = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const { problems: found, values } = read(table.rows[i] as string[], i + 1);
    if (found.length === 0) validRows.push(i + 1);
    else {
      invalidCount++;
      const loadNumber = valueAt(plan, values, 'load.loadNumber');
      invalidRows.push({
        row: i + 1,
        loadNumber: typeof loadNumber === 'string' ? loadNumber : null,
        message: found.map((problem) => problem.message).join(' '),
      });
      for (const problem of found) problems.push(problem);
    }
  }
  return { plan, validRows, invalidCount, invalidRows, problems };
}

/** Whether enough rows are valid to offer `Continue anyway`. */
export function canContinueWith(valid: number, total: number): boolean {
  return total > 0 && valid / total >= CONTINUE_ANYWAY_SHARE;
}
