import type { RunView } from '../../worker/processing/processing-types';
import { useApiRead } from '../common/use-api-read';
import { formatLocalTime } from '../common/format';
import { describeRunState } from '../common/run-state-text';

/**
 * Runs that are not done: interrupted (the tab closed while sending), cancelled, stopped, with
 * uncertain loads — each can be opened to send the rest — or being sent from another tab (shown
 * with its progress so far, so nobody starts it a second time here).
 */
export function OpenRuns({
  currentRunId,
  refresh,
  onOpen,
}: {
  currentRunId: number | null;
  refresh: number;
  onOpen: (run: RunView) => void;
}) {
  const { data } = useApiRead((api) => api.listOpenRuns(), [refresh]);
  const runs = (data ?? []).filter((run) => run.id !== currentRunId && !run.isActive);
  if (runs.length === 0) return null;
  return (
    <section className="card notice-warning" aria-label="Unfinished runs">
      <h3>Unfinished runs</h3>
      <ul className="open-runs">
        {runs.map((run) => (
          <li key={run.id}>
            <p>
              <strong>{run.fileName}</strong> · {run.brokerageName} / {run.configurationName ?? '—'} · started{' '}
              <time dateTime={run.startedAt}>{formatLocalTime(run.startedAt)}</time>
            </p>
            <p className="caption">{describeRunState(run)}</p>
            {run.standing === 'sending-elsewhere' ? (
              <progress
                aria-label={`${run.fileName}: loads done in the other tab`}
                max={Math.max(1, run.total - run.invalid)}
                value={run.sent + run.failed - run.invalid}
              />
            ) : (
              <button type="button" onClick={() => onOpen(run)}>
                Open run
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
