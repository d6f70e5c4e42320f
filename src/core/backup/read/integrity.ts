import type { DataTables } from '../../db/rows';
import { DATA_TABLES } from '../../db/schema';
import type { ProblemLog } from './problems';

/**
 * Checks across rows that no single row can show: unique ids and names, and that every
 * reference points at a row in the file — what the database's keys would reject later, found
 * before anything is written and reported where it is. Row numbers are positions in `tables`,
 * which are the file's rows when no row was refused.
 */
export function checkIntegrity(tables: DataTables, problems: ProblemLog, options: { ids: boolean }): void {
  if (options.ids) for (const table of DATA_TABLES) checkUniqueIds(table, tables[table], problems);

  const brokerageNames = new Map<string, number>();
  tables.brokerages.forEach((row, index) => {
    const first = brokerageNames.get(row.name);
    if (first === undefined) brokerageNames.set(row.name, index);
    else problems.add('brokerages', index, 'name', `repeats the brokerage "${row.name}" of row ${first + 1}`);
  });

  const configurationKeys = new Map<string, number>();
  tables.brokerage_configurations.forEach((row, index) => {
    if (!brokerageNames.has(row.brokerage_name)) {
      problems.add(
        'brokerage_configurations',
        index,
        'brokerage_name',
        `names the brokerage "${row.brokerage_name}", which is not in the file`,
      );
    }
    const key = JSON.stringify([row.brokerage_name, row.configuration_name]);
    const first = configurationKeys.get(key);
    if (first === undefined) configurationKeys.set(key, index);
    else {
      problems.add(
        'brokerage_configurations',
        index,
        'configuration_name',
        `repeats the configuration "${row.configuration_name}" of brokerage "${row.brokerage_name}" (row ${first + 1}); a brokerage can have only one configuration of each name`,
      );
    }
  });

  if (!options.ids) return;
  const uploadIds = new Set(tables.upload_history.map((row) => row.id));
  tables.processing_errors.forEach((row, index) => {
    if (row.upload_history_id !== null && !uploadIds.has(row.upload_history_id)) {
      problems.add(
        'processing_errors',
        index,
        'upload_history_id',
        `refers to upload ${row.upload_history_id}, which is not in the file`,
      );
    }
  });
  const configurationIds = new Set(tables.brokerage_configurations.map((row) => row.id));
  tables.configuration_changes.forEach((row, index) => {
    if (row.configuration_id !== null && !configurationIds.has(row.configuration_id)) {
      problems.add(
        'configuration_changes',
        index,
        'configuration_id',
        `refers to configuration ${row.configuration_id}, which is not in the file`,
      );
    }
  });
}

function checkUniqueIds(table: string, rows: readonly { id: number }[], problems: ProblemLog): void {
  const seen = new Map<number, number>();
  rows.forEach((row, index) => {
    const first = seen.get(row.id);
    if (first === undefined) seen.set(row.id, index);
    else problems.add(table, index, 'id', `repeats id ${row.id} of row ${first + 1}`);
  });
}
