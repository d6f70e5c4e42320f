import { useApiRead } from '../common/use-api-read';
import { formatLocalTime, plural } from '../common/format';
import { RemoveBrowserButton } from './team-membership';

/**
 * The team's browsers as their state objects last said: name, person, last seen, changes not
 * shared yet, last backup, and removing a teammate's browser. A teammate silent for a day with
 * changes not shared is a warning for everyone (their work is only in that browser).
 */
export function TeamBrowsersSection() {
  const { data: browsers } = useApiRead((api) => api.listTeamBrowsers(), []);
  if (!browsers) return null;
  const silent = browsers.filter((b) => b.isSilentWithChanges);
  // A browser removed from the team, or that left, is in the activity, not in this list.
  const members = browsers.filter((b) => b.membershipEnd === null);
  return (
    <section aria-label="Team browsers" className="team-browsers">
      <h3>Team browsers</h3>
      {silent.map((b) => (
        <p key={b.device} role="status" className="notice notice-warning">
          Warning: {b.person}’s browser “{b.browserName}” has not been seen since {formatLocalTime(b.lastSeen)} and
          holds {plural(b.pending, 'change')} the team does not have. Ask {b.person} to open the app.
        </p>
      ))}
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
