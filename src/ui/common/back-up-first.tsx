import type { ReactNode } from 'react';
import { useBackupDownload } from './use-backup-download';
import { Notice } from './notice';

/**
 * The warning before a step that would lose changes (a replace restore, an undo), with what it
 * would lose (`children`, optional) and its own
 * button that saves a backup of the current database first, so the user never has to leave the
 * step to be safe. Today it downloads an emergency backup; with a backup folder connected, the
 * shared backup hook writes it there.
 */
export function BackUpFirst({ risk, children }: { risk: string; children?: ReactNode }) {
  const { run, busy, notice, saved } = useBackupDownload();
  return (
    <div className="notice notice-warning back-up-first" role="group" aria-label="Back up first">
      <p>
        {risk} {saved ? null : 'Save a backup of what is here now first, so nothing is lost.'}
      </p>
      {children}
      {saved ? null : (
        <div className="button-row">
          <button type="button" className="primary" aria-disabled={busy !== null} onClick={() => void run('emergency')}>
            {busy ? 'Preparing backup…' : 'Download a backup first'}
          </button>
        </div>
      )}
      {notice ? (
        <Notice
          notice={saved ? { kind: 'success', text: `${notice.text} What is here now is safe in that file.` } : notice}
          takesFocus
        />
      ) : null}
    </div>
  );
}
