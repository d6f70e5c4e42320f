import { useApiRead } from '../common/use-api-read';
import { formatLocalTime } from '../common/format';

/** What the team did, newest first: joins, backups, team restores, lost changes, conflicts, refused objects. */
export function TeamActivitySection() {
  const { data: activity } = useApiRead((api) => api.listTeamActivity(), []);
  if (!activity) return null;
  return (
    <section aria-label="Team activity" className="team-activity">
      <h3>Team activity</h3>
      {activity.length === 0 ? (
        <p className="empty-state">Nothing yet.</p>
      ) : (
        <ul className="team-activity-list">
          {activity.map((entry, index) => (
            <li
              key={`${entry.at}-${index}`}
              className={entry.kind === 'refused' || entry.kind === 'lost' ? 'notice notice-warning' : undefined}
            >
              <time dateTime={entry.at}>{formatLocalTime(entry.at)}</time> {entry.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
