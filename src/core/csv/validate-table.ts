/**
 * Validation of every row of a file before anything is sent: which rows are valid, and every
 * problem of the others. Invalid rows are never dropped: the run counts them as failed and
 * lists them.
 */
import { compileMappingPlan, type MappingPlan } from './mapping-plan';
import type { Table } from './parse-table';
import { createRowReader, type RowProblem } from './row-reader';

/** The share of valid rows from which `Continue anyway` is offered. */
export const CONTINUE_ANYWAY_SHARE = 0.9;

export interface TableValidation {
  plan: MappingPlan;
  /** 1-based row numbers of the valid rows, in order. */
  validRows: number[];
  invalidCount: number;
  /** Every problem, in row order. */
  problems: RowProblem[];
}

/** Validates every row of a table against mappings. */
export function validateTable(table: Table, mappings: Readonly<Record<string, string>>): TableValidation {
  const plan = compileMappingPlan(mappings, table.headers);
  const read = createRowReader(plan, table.headers.length);
  const validRows: number[] = [];
  const problems: RowProblem[] = [];
  let invalidCount = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const found = read(table.rows[i] as string[], i + 1).problems;
    if (found.length === 0) validRows.push(i + 1);
    else {
      invalidCount++;
      for (const problem of found) problems.push(problem);
    }
  }
  return { plan, validRows, invalidCount, problems };
}

/** Whether enough rows are valid to offer `Continue anyway`. */
export function canContinueWith(valid: number, total: number): boolean {
  return total > 0 && valid / total >= CONTINUE_ANYWAY_SHARE;
}
