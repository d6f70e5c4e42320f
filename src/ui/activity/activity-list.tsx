import { useEffect, useState } from 'react';
import type { ActivityRow } from '../../core/db/rows';
import { useDatabase } from '../common/database-context';
import { formatLocalTime } from '../common/format';
import { OperatorNameField } from './operator-name-field';

/** The newest few: one line each, the whole trail is a click away (Backups → Audit trail). */
const SHOWN = 4;

/**
 * Recent activity (folded): the latest entries of the audit trail — where the sidebar's success
 * messages go once they fold away — the person's name, and the way to the whole trail.
 */
export function ActivityList() {
  const { api, revision } = useDatabase();
  const [entries, setEntries] = useState<ActivityRow[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void api.listActivity(SHOWN).then((rows) => {
      if (isCurrent) setEntries(rows);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, revision]);
  return (
    <details className="sidebar-section activity">
      <summary>Recent activity</summary>
      <OperatorNameField />
      {entries.length === 0 ? (
        <p className="caption">No backups or restores yet.</p>
      ) : (
        <ol className="activity-list">
          {entries.map((entry) => (
            <li key={entry.id} title={entry.summary}>
              <time dateTime={entry.at}>{formatLocalTime(entry.at)}</time> — {entry.summary}
            </li>
          ))}
        </ol>
      )}
      <p className="caption">
        <a href="#/backups">The whole audit trail</a> is under Backups.
      </p>
    </details>
  );
}
