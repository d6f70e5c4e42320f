import { useState } from 'react';
import { formatLocalTime } from '../common/format';
import { useApiRead } from '../common/use-api-read';

/** Which teammate restore this browser's user dismissed (per browser: not data, never in a backup). */
const DISMISSED_KEY = 'ff2api.teamRestoreNoticeDismissed';

function readDismissed(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null; // storage refused (private mode): the notice shows until dismissed in this page
  }
}

/**
 * After a teammate replaced the team database (or undid that), every other browser says so in the
 * sidebar, without opening the Team view: who, what, when, and that this browser's data as it was
 * is in a `Before restore` snapshot. It stays until dismissed; a later team restore shows again.
 */
export function TeamRestoreNotice() {
  const { data: notice } = useApiRead((api) => api.getTeamRestoreNotice(), []);
  const [dismissed, setDismissed] = useState(readDismissed);
  if (!notice || dismissed === notice.id) return null;
  const dismiss = () => {
    setDismissed(notice.id);
    try {
      localStorage.setItem(DISMISSED_KEY, notice.id);
    } catch {
      // Not remembered across reloads; dismissed on this page all the same.
    }
  };
  return (
    <div className="notice notice-info team-restore-notice" role="status" aria-label="Team restore">
      <p>
        <strong>
          {notice.text} at <time dateTime={notice.at}>{formatLocalTime(notice.at)}</time>.
        </strong>{' '}
        {notice.source === 'undo'
          ? 'The team’s data is again what it was before that restore.'
          : 'This browser now holds the restored data.'}{' '}
        What was here before is kept in a “Before restore” snapshot (Backups).
      </p>
      <div className="button-row">
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
