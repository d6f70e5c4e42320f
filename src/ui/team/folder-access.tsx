import { useEffect, useState } from 'react';
import { allowTeamFolder, teamFolderAccess } from '../../platform/team-store/folder/team-folder-choice';
import { useDatabase } from '../common/database-context';

type Access = Awaited<ReturnType<typeof teamFolderAccess>>;

/**
 * While the browser withholds access to the team's shared folder (after a reload it usually asks
 * again, and only a click may answer), says so plainly — nothing reaches the team until then —
 * with the button that asks.
 */
export function FolderAccess() {
  const { api, notifyChanged } = useDatabase();
  const [access, setAccess] = useState<Access | null>(null);
  useEffect(() => {
    let live = true;
    void teamFolderAccess().then((answer) => live && setAccess(answer));
    return () => {
      live = false;
    };
  }, []);
  if (access === null || access === 'granted') return null;
  if (access === 'missing') {
    return (
      <p className="notice notice-warning" role="status">
        This browser no longer knows the shared folder (its browser data may have been cleared): backups and team
        changes are not reaching the team. Disconnect, then connect the shared folder again.
      </p>
    );
  }
  return (
    <div className="notice notice-warning" role="status">
      <p>
        The browser needs your permission again to use the shared folder: until then backups and team changes stay in
        this browser and do not reach the team. Nothing is lost.
      </p>
      <button
        type="button"
        onClick={() =>
          void allowTeamFolder().then(async (answer) => {
            setAccess(answer);
            if (answer !== 'granted') return;
            // The copies that waited for the folder go now, not at their next try.
            await api.retryStoreUploads();
            await notifyChanged();
          })
        }
      >
        Allow access to the shared folder
      </button>
    </div>
  );
}
