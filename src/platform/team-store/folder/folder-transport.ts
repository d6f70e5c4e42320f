import { newObjectId } from '../../../core/team-store/object-names';
import type { StoreTransport } from '../../../worker/team-store/store-transport';
import { checkFolder } from './folder-check';
import { savedTeamFolderStore } from './team-folder';

/**
 * The team store in the shared folder, for the worker: the folder this browser chose (its handle
 * in IndexedDB), whatever S3 settings the caller holds (a folder has none).
 */
export const folderTransport: StoreTransport = {
  open: () => savedTeamFolderStore(),
  check: (_settings, { prefix }) => checkFolder(savedTeamFolderStore(), prefix, newObjectId()),
  protection: () => Promise.resolve(null),
};
