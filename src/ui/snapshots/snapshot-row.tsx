import { TRIGGER_LABELS } from '../../core/snapshots/triggers';
import { describeKeepReasons } from '../../core/snapshots/retention';
import type { SnapshotRow as Row } from '../../worker/snapshots/snapshot-types';
import { ConfirmDialog } from '../common/confirm-dialog';
import { formatBytes, formatLocalTime, plural } from '../common/format';

export interface SnapshotActions {
  restore: (row: Row) => void;
  download: (row: Row) => void;
  setPinned: (row: Row, pinned: boolean) => void;
  verify: (row: Row) => void;
  remove: (row: Row) => void;
}

/** One snapshot: when, why, what it holds, its check, why it is kept, and what can be done with it. */
export function SnapshotTableRow({
  row,
  actions,
  isBusy,
  now,
}: {
  row: Row;
  actions: SnapshotActions;
  isBusy: boolean;
  now: Date;
}) {
  const time = formatLocalTime(row.takenAt);
  // Every row has the same buttons: each names its snapshot to assistive tech through the row header.
  const headerId = `snapshot-${row.id.replace(/[^a-z0-9]/gi, '')}`;
  const described = { 'aria-describedby': headerId };
  const isGood = row.verification.state === 'verified';
  const isUserPinned = row.pin?.kind === 'user';
  return (
    <tr>
      <th scope="row" id={headerId}>
        <time dateTime={row.takenAt}>{time}</time>
        {row.note ? <div className="caption">{row.note}</div> : null}
      </th>
      <td>{TRIGGER_LABELS[row.trigger]}</td>
      <td>
        {plural(row.counts.brokerage_configurations, 'config')}, {plural(row.counts.upload_history, 'upload')}
      </td>
      <td>{formatBytes(row.storedBytes)}</td>
      <td>
        {row.verification.state === 'verified' ? <span className="snapshot-ok">Verified</span> : null}
        {row.verification.state === 'failed' ? (
          <span className="snapshot-failed" title={row.verification.problem}>
            Verification failed
          </span>
        ) : null}
        {row.verification.state === 'pending' ? <span>Being verified…</span> : null}
      </td>
      <td className="caption">
        {describeKeepReasons(row.keptFor)}
        {row.pin?.kind === 'until' && Date.parse(row.pin.until) > now.getTime()
          ? ` until ${formatLocalTime(row.pin.until)}`
          : ''}
      </td>
      <td>
        <div className="snapshot-actions">
          <button type="button" {...described} disabled={isBusy || !isGood} onClick={() => actions.restore(row)}>
            Restore
          </button>
          <button type="button" {...described} disabled={isBusy || !isGood} onClick={() => actions.download(row)}>
            Download
          </button>
          <button type="button" {...described} disabled={isBusy} onClick={() => actions.setPinned(row, !isUserPinned)}>
            {isUserPinned ? 'Unpin' : 'Pin'}
          </button>
          <button type="button" {...described} disabled={isBusy} onClick={() => actions.verify(row)}>
            Verify
          </button>
          <ConfirmDialog
            trigger="Delete"
            title="Delete this snapshot?"
            description={`The snapshot of ${time} (${TRIGGER_LABELS[row.trigger]}) will be deleted from this browser. Your database is not changed.`}
            confirmLabel="Delete snapshot"
            disabled={isBusy}
            onConfirm={() => actions.remove(row)}
          />
        </div>
      </td>
    </tr>
  );
}
