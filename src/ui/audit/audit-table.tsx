import type { AuditEntry } from '../../core/audit/audit-entry';
import { formatLocalTime } from '../common/format';

/** The trail's entries: time, who, what — with failures and entries restored from a file marked. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <p className="caption">No entries match.</p>;
  return (
    <table className="audit-table stacking-table">
      <caption className="visually-hidden">Audit trail entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} className={entry.isFailure ? 'audit-failed' : undefined}>
            <td data-label="Time">
              <time dateTime={entry.at}>{formatLocalTime(entry.at)}</time>
            </td>
            <td data-label="Who">{entry.who ?? (entry.isAutomatic ? 'FF2API (automatic)' : '—')}</td>
            <td data-label="What">
              {entry.what}
              {entry.importedFrom ? <span className="caption"> (restored from {entry.importedFrom})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
