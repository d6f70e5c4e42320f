import type { RunView } from '../../worker/processing/processing-types';
import { formatLocalTime } from '../common/format';
import { describeRunCounts, markOfView } from '../common/run-state-text';

/**
 * Said before anything is sent when this very file (same content) was already processed with the
 * configuration: the earlier run (time, counts) and `Send again anyway` as a deliberate choice —
 * or, while that run is still being sent, where it is; then no second run can start.
 */
export function AlreadyProcessed({
  runs,
  fileName,
  isAccepted,
  onSendAgain,
  onOpenRun,
}: {
  runs: readonly RunView[];
  fileName: string;
  isAccepted: boolean;
  onSendAgain: () => void;
  onOpenRun: (run: RunView) => void;
}) {
  const running = runs.find((run) => run.standing === 'sending' || run.standing === 'sending-elsewhere');
  if (running) {
    return (
      <div role="alert" className="notice notice-warning">
        <p>
          <strong>{fileName}</strong> is being sent with this configuration right now
          {running.standing === 'sending-elsewhere' ? ' from another tab' : ''} (started{' '}
          {formatLocalTime(running.startedAt)}; {describeRunCounts(markOfView(running))} so far).{' '}
          {running.standing === 'sending' ? 'Its progress is shown above.' : 'Its progress is shown in that tab.'}{' '}
          Nothing more is sent from this file until it ends.
        </p>
      </div>
    );
  }
  const last = runs[0];
  if (!last) return null;
  if (isAccepted) {
    return (
      <p role="status" className="notice notice-warning">
        You chose to send <strong>{fileName}</strong> again: every valid load is sent once more.
      </p>
    );
  }
  const isOpen = last.notSent > 0 || last.claimed > 0;
  return (
    <div role="alert" className="notice notice-warning already-processed">
      <p>
        <strong>Already processed:</strong> {fileName} (this very content) was processed with this configuration on{' '}
        {formatLocalTime(last.startedAt)}: {describeRunCounts(markOfView(last))}.
        {runs.length > 1 ? ` It was processed ${runs.length} times in all.` : ''} Sending it again would create its
        loads again. Nothing is sent unless you choose to.
      </p>
      <div className="button-row">
        {isOpen ? (
          <button type="button" className="primary" onClick={() => onOpenRun(last)}>
            Open that run
          </button>
        ) : null}
        <button type="button" onClick={onSendAgain}>
          Send again anyway
        </button>
      </div>
    </div>
  );
}
