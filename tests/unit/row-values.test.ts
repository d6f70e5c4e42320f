import { describe, expect, it } from 'vitest';
import { ROW_VALUES } from '../../src/core/db/row-values';
import { TABLE_COLUMNS, type DataTables } from '../../src/core/db/rows';
import { DATA_TABLES } from '../../src/core/db/schema';
import type { SqlValue } from '../../src/core/db/sql-types';

describe('ROW_VALUES', () => {
  it('gives every column of every table in TABLE_COLUMNS order, missing values as null', () => {
    for (const table of DATA_TABLES) {
      const columns: readonly string[] = TABLE_COLUMNS[table];
      // Each column holds its own name: a value in the wrong place, or a column left out, shows.
      const row = Object.fromEntries(
        columns.map((column) => [column, `value of ${column}`]),
      ) as unknown as DataTables[typeof table][number];
      const values: SqlValue[] = [];
      (ROW_VALUES[table] as (row: unknown, values: SqlValue[]) => void)(row, values);
      expect(values, table).toEqual(columns.map((column) => `value of ${column}`));
      const empty: SqlValue[] = [];
      (ROW_VALUES[table] as (row: unknown, values: SqlValue[]) => void)({}, empty);
      expect(empty, table).toEqual(columns.map(() => null));
    }
  });
});
