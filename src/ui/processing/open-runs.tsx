import type { RunView } from '../../worker/processing/processing-api';
import { useApiRead } from '../shared/use-api-read';
import { formatLocalTime } from '../shared/format';
import { describeRunState } from '../shared/run-state-text';

/**
 * Runs that are not done: interrupted (the tab closed while sending), cancelled, stopped, or with
 * uncertain loads. Each can be opened to send the rest.
 */
export function OpenRuns({ currentRunId, refresh, onOpen }: { currentRunId: number | null; refresh: number; onOpen: (run: RunView) => void }) {
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
            <button type="button" onClick={() => onOpen(run)}>
              Open run
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
