import type { ObjectStore, StoreResult } from '../../../core/team-store/object-store';
import { storeError, storeFailure } from '../../../core/team-store/store-errors';
import { loadSavedHandle } from '../../backup-folder';
import { FolderObjectStore } from './folder-object-store';
import { TEAM_FOLDER_KEY } from './team-folder-choice';

/**
 * The team's shared folder as this browser chose it (team-folder-choice.ts: its handle kept in
 * IndexedDB beside the backup folder's, never in a backup file), read by the worker on every call,
 * so a folder chosen again, or access allowed again on the page, takes effect at once.
 */
const NO_FOLDER =
  'No shared folder is chosen for the team store in this browser (its browser data may have been cleared). ' +
  'Nothing was changed. Choose the shared folder under Team \u2192 Team store (disconnect first if connected).';

export function savedTeamFolderStore(): ObjectStore {
  const withFolder = async <T>(call: (store: ObjectStore) => Promise<StoreResult<T>>): Promise<StoreResult<T>> => {
    const handle = await loadSavedHandle(TEAM_FOLDER_KEY);
    if (!handle)
      return storeFailure({ ...storeError('denied', 'no team folder handle in IndexedDB'), message: NO_FOLDER });
    return call(new FolderObjectStore(handle));
  };
  return {
    put: (name, body, options) => withFolder((store) => store.put(name, body, options)),
    get: (name, range) => withFolder((store) => store.get(name, range)),
    head: (name) => withFolder((store) => store.head(name)),
    list: (prefix, options) => withFolder((store) => store.list(prefix, options)),
    delete: (name, options) => withFolder((store) => store.delete(name, options)),
  };
}
