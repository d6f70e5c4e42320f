import type { BackupLocation, LocationHealth } from '../../core/team-store/store-health';
import { formatLocalTime, plural } from '../shared/format';
import { useBackups } from '../shared/backups-context';
import { useDatabase } from '../shared/database-context';
import { useNow } from '../shared/use-now';
import { assessLocations } from './store-health-rules';

const NAMES: Record<BackupLocation, string> = {
  browser: 'This browser (snapshots)',
  folder: 'Backup folder',
  store: 'Team store',
};

const NOT_SET_UP: Record<BackupLocation, string> = {
  browser: 'None yet.',
  folder: 'Not chosen.',
  store: 'Not connected (Team → Team store).',
};

/**
 * Health per location: for this browser, the backup folder and the team store, the newest good
 * copy, the last check and the failures since — and the recovery point across them. Shown in the
 * Backups view's health panel and (through the shell) in the Team view.
 */
export function BackupLocations() {
  const { status } = useDatabase();
  const { overview, folder } = useBackups();
  const now = useNow();
  if (!status || !overview) return <p role="status">Reading backup locations…</p>;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const locations = assessLocations({ now, times: status.times, hasData, overview, folder: folder.state });
  const isSetUp: Record<BackupLocation, boolean> = {
    browser: true,
    folder: folder.state === 'connected' || folder.state === 'needs-reconnect',
    store: overview.store !== null,
  };
  return (
    <table className="snapshot-table locations-table">
      <caption>Newest good copy in each place</caption>
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col">Newest good copy</th>
          <th scope="col">Last check</th>
          <th scope="col">Failures since</th>
          <th scope="col">Level</th>
        </tr>
      </thead>
      <tbody>
        {locations.perLocation.map((row) => (
          <LocationRow key={row.location} row={row} isSetUp={isSetUp[row.location]} />
        ))}
      </tbody>
    </table>
  );
}

function LocationRow({ row, isSetUp }: { row: LocationHealth; isSetUp: boolean }) {
  const { overview } = useBackups();
  const failures = row.location === 'store' ? (overview?.store?.failures ?? []) : [];
  const lastFailure = failures[0];
  return (
    <tr>
      <th scope="row">{NAMES[row.location]}</th>
      <td>
        {row.newestGoodCopyAt
          ? formatLocalTime(row.newestGoodCopyAt)
          : isSetUp
            ? 'None yet.'
            : NOT_SET_UP[row.location]}
      </td>
      <td>{row.lastCheckAt ? formatLocalTime(row.lastCheckAt) : '—'}</td>
      <td>
        {row.failureCount === 0 ? 'None' : plural(row.failureCount, 'failure')}
        {lastFailure ? ` — last: ${lastFailure.message}` : ''}
      </td>
      <td>{row.level}</td>
    </tr>
  );
}
