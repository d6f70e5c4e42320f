import type { LocationHealth } from '../../core/snapshots/health';
import { formatLocalTime, plural } from '../common/format';

const STATE_WORDS: Record<LocationHealth['state'], string> = {
  ready: 'Working',
  'not-set-up': 'Not set up',
  unavailable: 'Not available in this browser',
  'needs-attention': 'Needs attention',
};

/**
 * Health per location: each place copies are kept, its newest copy and its state. On a phone the
 * rows stack (backups.css), so nothing scrolls sideways.
 */
export function HealthLocationsTable({ locations }: { locations: readonly LocationHealth[] }) {
  return (
    <table className="health-locations stacking-table">
      <caption>Where the copies are</caption>
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col">Newest copy</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {locations.map((location) => (
          <tr key={location.id}>
            <th scope="row">{location.label}</th>
            <td data-label="Newest copy">
              {location.newestCopy
                ? `${formatLocalTime(location.newestCopy.at)} — ${location.newestCopy.name}`
                : 'None yet'}
            </td>
            <td data-label="State">{describeState(location)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A location's state in words, with its last failure and the copies waiting to go there. */
function describeState(location: LocationHealth): string {
  const problem = location.failure ?? location.lastProblem;
  const state = problem ? `Last attempt failed: ${problem.message}` : STATE_WORDS[location.state];
  return location.waiting ? `${state} (${plural(location.waiting, 'copy', 'copies')} waiting)` : state;
}
