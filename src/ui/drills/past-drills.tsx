import { describeDuration } from '../../core/drills/drill-verdict';
import type { DrillRecord } from '../../core/drills/drill-types';
import { formatLocalTime } from '../common/format';
import { useApiRead } from '../common/use-api-read';

const ORIGIN_WORDS: Record<DrillRecord['origin'], string> = {
  folder: 'Backup folder',
  snapshot: 'Snapshots',
  store: 'Team store',
};
const OUTCOME_WORDS: Record<DrillRecord['outcome'], string> = {
  passed: 'Passed',
  damaged: 'Failed: did not restore',
  failed: 'Failed',
};

/** The drills made in this browser, newest first: when, which backup, from where, how long, the result. */
export function PastDrills() {
  const { data: drills } = useApiRead((api) => api.listDrills(20), []);
  if (!drills) return null;
  if (drills.length === 0) return <p className="caption">No drill yet.</p>;
  return (
    <table className="drill-table stacking-table">
      <caption>Past drills</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Backup</th>
          <th scope="col">From</th>
          <th scope="col">Restore time</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {drills.map((drill) => (
          <tr key={drill.id}>
            <td data-label="Time">
              <time dateTime={drill.at}>{formatLocalTime(drill.at)}</time>
              {drill.who ? ` (${drill.who})` : ''}
            </td>
            <td data-label="Backup" className="break-anywhere">
              {drill.name}
            </td>
            <td data-label="From">{ORIGIN_WORDS[drill.origin]}</td>
            <td data-label="Restore time">
              {drill.durationMs === null ? '—' : describeDuration(drill.durationMs)}
              {drill.targetMinutes === null ? '' : ` (target ${drill.targetMinutes} min)`}
            </td>
            <td data-label="Result" className={drill.outcome === 'passed' ? 'snapshot-ok' : 'snapshot-failed'}>
              {OUTCOME_WORDS[drill.outcome]}
              {drill.outcome === 'passed' ? '' : ` — ${drill.notes[0] ?? ''}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
