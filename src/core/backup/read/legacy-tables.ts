import type { BrokerageRow, ConfigurationRow, DataTables, UploadRow } from '../../db/rows';
import type { NewConfiguration, NewUpload } from './legacy-rows';
import type { WarningTally } from './problems';
import { REPAIRS } from './repairs';

/**
 * Tables from the rows of an original file, which has no ids and no brokerages section.
 * Brokerages: one per distinct name among configurations and history. History names brokerages
 * by text only (no key), but a brokerage without a row would be missing from the brokerage
 * filter, so history-only names get rows too (and a warning saying so).
 */
export function assembleLegacyTables(
  configurations: readonly NewConfiguration[],
  uploads: readonly NewUpload[],
  options: { fileTime: string; uploadsNewestFirst: boolean; warnings: WarningTally },
): DataTables {
  const brokerages = new Map<string, string>(); // name → earliest time seen
  const seen = (name: string, time: string | null) => {
    const earliest = brokerages.get(name);
    if (earliest === undefined || (time !== null && time < earliest))
      brokerages.set(name, time ?? earliest ?? options.fileTime);
  };
  for (const row of configurations) seen(row.brokerage_name, row.created_at);
  const configured = new Set(brokerages.keys());
  for (const row of uploads) seen(row.brokerage_name, row.timestamp_unknown ? null : row.upload_timestamp);
  options.warnings.add(REPAIRS.brokeragesFromHistory, brokerages.size - configured.size);

  // The original lists history newest first; ids in time order keep "newest first, then highest
  // id" meaning the same thing for rows that share the stand-in time.
  const ordered = options.uploadsNewestFirst ? [...uploads].reverse() : uploads;
  return {
    brokerages: [...brokerages].map(([name, time], i): BrokerageRow => ({
      id: i + 1,
      name,
      created_at: time,
      updated_at: time,
      is_active: 1,
    })),
    brokerage_configurations: configurations.map((row, i): ConfigurationRow => ({ id: i + 1, ...row })),
    upload_history: ordered.map((row, i): UploadRow => ({ id: i + 1, ...row })),
    processing_errors: [],
    configuration_changes: [],
  };
}
