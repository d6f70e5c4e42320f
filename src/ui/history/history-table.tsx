import type { UploadRow } from '../../core/db/rows';
import { formatCount, formatLocalTime } from '../shared/format';
import { RunDetailsButton } from './run-details';

/** The history rows as a table: time, brokerage, configuration, file and the three counts. */
export function HistoryTable({ rows }: { rows: UploadRow[] }) {
  return (
    <div className="table-scroll">
      <table className="history-table">
        <caption className="visually-hidden">Upload history, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Brokerage</th>
            <th scope="col">Configuration</th>
            <th scope="col">File</th>
            <th scope="col" className="number">Total</th>
            <th scope="col" className="number">Succeeded</th>
            <th scope="col" className="number">Failed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <UploadTime iso={row.upload_timestamp} isUnknown={row.timestamp_unknown === 1} />
              </td>
              <td>{row.brokerage_name}</td>
              <td>{row.configuration_name ?? '—'}</td>
              <td className="file-name">
                <RunDetailsButton row={row} />
              </td>
              <td className="number">{formatCount(row.total_records)}</td>
              <td className="number">{formatCount(row.successful_records)}</td>
              <td className="number">{formatCount(row.failed_records)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A stored time in local time; rows whose real time was lost say so beside the imported time. */
function UploadTime({ iso, isUnknown }: { iso: string; isUnknown: boolean }) {
  const text = formatLocalTime(iso);
  return (
    <>
      <time dateTime={iso}>{text}</time>
      {isUnknown ? <span className="caption time-unknown"> time unknown (imported)</span> : null}
    </>
  );
}
