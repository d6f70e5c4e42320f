import type { MergeConflict, NamedKind, NamedRow, RestoreNames } from '../../core/backup/restore/names';
import type { RestoreMode } from '../../core/backup/restore/changes';
import { formatLocalTime, plural } from '../common/format';

/** The tables named row by row (errors and configuration changes are only counted, in the table above). */
const NAMED_TABLES = [
  { table: 'brokerages', label: 'brokerage' },
  { table: 'brokerage_configurations', label: 'configuration' },
  { table: 'upload_history', label: 'upload' },
] as const;

const VERBS = { remove: 'Removes', change: 'Changes', add: 'Adds' } as const;

/**
 * What a restore does, in the names a user knows: per table the brokerages, configurations and
 * uploads it removes, changes and adds (up to 10 each, then "…and N more"), matched by name.
 * A merge only adds, and says for each configuration on both sides which copy it keeps.
 */
export function RestoreNamesPreview({ names, mode }: { names: RestoreNames; mode: RestoreMode }) {
  const lines = NAMED_TABLES.flatMap(({ table, label }) =>
    (['remove', 'change', 'add'] as const)
      .filter((kind) => names.tables[table][kind].count > 0)
      .map((kind) => ({
        key: `${table}-${kind}`,
        text: `${VERBS[kind]} ${describeKind(names.tables[table][kind], label, table)}`,
      })),
  );
  return (
    <div className="restore-names">
      {lines.length === 0 ? (
        <p>
          {mode === 'merge'
            ? 'Adds nothing: everything in the file is already here.'
            : 'The file holds the same brokerages, configurations and uploads as this browser.'}
        </p>
      ) : (
        <ul aria-label="What changes, by name">
          {lines.map((line) => (
            <li key={line.key}>{line.text}</li>
          ))}
        </ul>
      )}
      {mode === 'merge' && names.conflictCount > 0 ? (
        <ul aria-label="Configurations in both">
          {names.conflicts.map((conflict) => (
            <li key={`${conflict.brokerage}\u0000${conflict.name}`}>{describeConflict(conflict)}</li>
          ))}
          {names.conflictCount > names.conflicts.length ? (
            <li>…and {plural(names.conflictCount - names.conflicts.length, 'more configuration')} in both</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

/** "Acme Freight, Inc. and its 2 configurations, Blue Line …and 3 more brokerages". */
function describeKind(kind: NamedKind, label: string, table: (typeof NAMED_TABLES)[number]['table']): string {
  const named = kind.names.map((row) => describeRow(row, table)).join('; ');
  const more = kind.count - kind.names.length;
  return more > 0 ? `${named} …and ${plural(more, `more ${label}`)}` : named;
}

function describeRow(row: NamedRow, table: (typeof NAMED_TABLES)[number]['table']): string {
  if (table === 'brokerages')
    return row.configurations ? `${row.name} and its ${plural(row.configurations, 'configuration')}` : row.name;
  if (table === 'brokerage_configurations') return `${row.name} (${row.brokerage ?? ''})`;
  return `${row.name} (${row.brokerage ?? ''}, ${row.at ? formatLocalTime(row.at) : 'time unknown'})`;
}

/** The merge's rule, applied to one configuration. */
function describeConflict(conflict: MergeConflict): string {
  const which = `${conflict.name} (${conflict.brokerage})`;
  return conflict.winner === 'file'
    ? `${which}: the file’s copy is newer (updated ${formatLocalTime(conflict.fileUpdatedAt)}), so it replaces this browser’s (updated ${formatLocalTime(conflict.hereUpdatedAt)}).`
    : `${which}: this browser’s copy is as new or newer (updated ${formatLocalTime(conflict.hereUpdatedAt)}), so it is kept; the file’s is from ${formatLocalTime(conflict.fileUpdatedAt)}.`;
}
