import { useEffect, useState } from 'react';
import type { EngineRestart } from '../../worker/status/status-calls';
import { useDatabase } from '../common/database-context';

const DURING = {
  backup: 'while it was making a backup file',
  check: 'while it was checking a file',
  restore: 'while it was restoring',
  undo: 'while it was undoing a restore',
} as const;

/** Says that the database worker died and was restarted from what is stored, and what that means. */
export function EngineRestartNotice() {
  const { api } = useDatabase();
  const [restart, setRestart] = useState<EngineRestart | null>(null);
  useEffect(() => {
    void api.watchRestarts(setRestart);
  }, [api]);
  if (restart === null) return null;
  const during = restart.during ? ` ${DURING[restart.during]}` : '';
  return (
    <div className="notice notice-error" role="alert">
      <p>
        The database engine of this page stopped unexpectedly{during} and was restarted from the copy saved in this
        browser. Everything saved before is kept
        {restart.during ? '; that operation did not finish — start it again.' : '.'} If this keeps happening, download a
        backup and reload the page.
      </p>
      <button type="button" onClick={() => setRestart(null)}>
        Dismiss
      </button>
    </div>
  );
}
