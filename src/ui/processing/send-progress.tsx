import type { SendState } from './sending-context';
import { formatCount, plural } from '../common/format';

/** The progress bar while loads are sent: the file, counts, time left, and `Cancel`. */
export function SendProgressPanel({ sending, onCancel }: { sending: SendState; onCancel: () => void }) {
  const { progress } = sending;
  const done = progress.sent + progress.failed;
  return (
    <section className="card send-progress" aria-label="Sending loads">
      <h3>Sending loads of {sending.fileName}</h3>
      <progress aria-label="Sending loads" max={Math.max(1, progress.total)} value={done} />
      <p className="caption" aria-live="polite">
        {formatCount(done)} of {plural(progress.total, 'load')} done: {formatCount(progress.sent)} sent,{' '}
        {formatCount(progress.failed)} failed.{' '}
        {progress.pausedUntil ? 'The load API asked to slow down; waiting before sending more. ' : ''}
        {progress.secondsLeft === null ? '' : `About ${formatSeconds(progress.secondsLeft)} left.`}
      </p>
      <div className="button-row">
        <button type="button" onClick={onCancel} disabled={sending.isCancelling}>
          {sending.isCancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      {sending.isCancelling ? (
        <p className="caption">Stopping after the loads already on their way; nothing more is sent.</p>
      ) : null}
    </section>
  );
}

/** 75 → "1 min 15 s". */
function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
