/**
 * The columns each configuration knows: its saved `file_headers` and the columns its mapping
 * reads (a configuration restored from the original may have mappings but no saved headers).
 * Read for every configuration at once, to tell which one a file fits.
 */
import type { ConfigurationColumns } from '../csv/configuration-fit';
import { describeSource, isMetadataKey } from '../field-mappings';
import { readMappings } from './configuration-view';
import type { Database } from './sql-types';
import { selectRows } from './transaction';

const SQL = {
  all: 'SELECT id, brokerage_name, configuration_name, file_headers, field_mappings FROM brokerage_configurations',
} as const;

/** Every configuration with its known columns. */
export function listConfigurationColumns(db: Database): ConfigurationColumns[] {
  const rows = selectRows<{
    id: number;
    brokerage_name: string;
    configuration_name: string;
    file_headers: string | null;
    field_mappings: string;
  }>(db, SQL.all);
  return rows.map((row) => ({
    id: row.id,
    brokerageName: row.brokerage_name,
    configurationName: row.configuration_name,
    columns: [...new Set([...readHeaderList(row.file_headers), ...mappedColumns(readMappings(row.field_mappings))])],
  }));
}

/** The columns a mapping reads (manual values and metadata keys read none). */
function mappedColumns(mappings: Record<string, string>): string[] {
  return Object.entries(mappings).flatMap(([path, source]) => {
    if (isMetadataKey(path)) return [];
    const { kind, text } = describeSource(source);
    return kind === 'column' && text.trim() !== '' && !text.startsWith('DEFAULT_VALUE:') ? [text.trim()] : [];
  });
}

/** A stored header list, or [] when there is none or it is unreadable. */
function readHeaderList(text: string | null): string[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
