import { useEffect, useState } from 'react';
import type { ActivityRow } from '../../core/db/rows';
import { useDatabase } from '../shared/database-context';
import { formatLocalTime } from '../shared/format';
import { OperatorNameField } from './operator-name-field';

const SHOWN = 10;

/** The latest backups, restores and undos made in this browser (the audit trail). */
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
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatLocalTime(entry.at)}</time> — {entry.summary}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
