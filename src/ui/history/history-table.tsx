import type { UploadRow } from '../../core/db/rows';
import type { RunMark } from '../../core/db/run-standing';
import { describeRunCounts, STANDING_WORDS } from '../common/run-state-text';
import { formatCount, formatLocalTime } from '../common/format';
import { RunDetailsButton } from './run-details';

/**
 * The history rows as a table: time, brokerage, configuration, file and the three counts (on a
 * phone each row stacks into a card, its cells named: nothing scrolls sideways). A run
 * of this browser's that was cut short, is going on, or left loads uncertain says so under its
 * file name, with the counts Process file shows (`interrupted: 1 sent, 0 failed, 38 not sent, 11 uncertain`).
 */
export function HistoryTable({
  rows,
  marks = [],
  order = 'newest',
}: {
  rows: UploadRow[];
  marks?: readonly RunMark[];
  order?: 'newest' | 'oldest';
}) {
  const markOf = new Map(marks.map((mark) => [mark.id, mark]));
  return (
    // Roles written out: laid out as cards on a phone, the cells keep being cells for screen readers.
    <table className="history-table stacking-table" role="table">
      <caption className="visually-hidden">Upload history, {order === 'oldest' ? 'oldest' : 'newest'} first</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Time
          </th>
          <th scope="col" role="columnheader">
            Brokerage
          </th>
          <th scope="col" role="columnheader">
            Configuration
          </th>
          <th scope="col" role="columnheader">
            File
          </th>
          <th scope="col" role="columnheader" className="number">
            Total
          </th>
          <th scope="col" role="columnheader" className="number">
            Succeeded
          </th>
          <th scope="col" role="columnheader" className="number">
            Failed
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr key={row.id} role="row">
            <td role="cell" data-label="Time">
              <UploadTime iso={row.upload_timestamp} isUnknown={row.timestamp_unknown === 1} />
            </td>
            <td role="cell" data-label="Brokerage">
              {row.brokerage_name}
            </td>
            <td role="cell" data-label="Configuration">
              {row.configuration_name ?? '—'}
            </td>
            <td role="cell" data-label="File" className="file-name">
              <RunDetailsButton row={row} />
              <RunMarkLine mark={markOf.get(row.id)} />
            </td>
            <td role="cell" data-label="Total" className="number">
              {formatCount(row.total_records)}
            </td>
            <td role="cell" data-label="Succeeded" className="number">
              {formatCount(row.successful_records)}
            </td>
            <td role="cell" data-label="Failed" className="number">
              {formatCount(row.failed_records)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How a run stands, under its file name (nothing for a run that simply finished). */
function RunMarkLine({ mark }: { mark: RunMark | undefined }) {
  if (!mark) return null;
  return (
    <span className={`run-mark run-mark-${mark.standing}`}>
      {STANDING_WORDS[mark.standing]}: {describeRunCounts(mark)}
    </span>
  );
}

/**
 * A stored time in local time. Rows whose real time was lost (the original app stored a session
 * id instead) show no time at all: the stored one is only the backup's, and would mislead.
 */
function UploadTime({ iso, isUnknown }: { iso: string; isUnknown: boolean }) {
  if (isUnknown) return <span className="time-unknown">time unknown (imported)</span>;
  return <time dateTime={iso}>{formatLocalTime(iso)}</time>;
}
