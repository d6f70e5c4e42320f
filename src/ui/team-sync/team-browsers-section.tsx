import { useApiRead } from '../common/use-api-read';
import { formatLocalTime, plural } from '../common/format';
import { RemoveBrowserButton } from './team-membership';

/**
 * The team's browsers as their state objects last said: name, person, last seen, changes not
 * shared yet, last backup, and removing a teammate's browser (team health's warnings are shown
 * above it, team-health-warnings.tsx).
 */
export function TeamBrowsersSection() {
  const { data: browsers } = useApiRead((api) => api.listTeamBrowsers(), []);
  if (!browsers) return null;
  // A browser removed from the team, or that left, is in the activity, not in this list.
  const members = browsers.filter((b) => b.membershipEnd === null);
  return (
    <section aria-label="Team browsers" className="team-browsers">
      <h3>Team browsers</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Person</th>
              <th scope="col">Last seen</th>
              <th scope="col">Changes not shared</th>
              <th scope="col">Last backup</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((b) => (
              <tr key={b.device}>
                <th scope="row">
                  {b.browserName}
                  {b.isThisBrowser ? <span className="caption"> (this browser)</span> : null}
                </th>
                <td>{b.person}</td>
                <td>{formatLocalTime(b.lastSeen)}</td>
                <td>{b.pending === 0 ? 'None' : plural(b.pending, 'change')}</td>
                <td>{b.lastBackupAt ? formatLocalTime(b.lastBackupAt) : 'None yet'}</td>
                <td>{b.isThisBrowser ? null : <RemoveBrowserButton browser={b} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
