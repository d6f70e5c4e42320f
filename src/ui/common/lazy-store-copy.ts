import type { StoreBackupKind } from '../../core/team-store/store-retention';
import { lazyModule } from '../../platform/lazy-import';
import type { DatabaseApi } from '../../worker/api';
import type { BackupFile } from '../../worker/backup-files/backup-file-types';

/** The team store copy's sending and words (./store-copy.ts), loaded only once a store is connected. */
const loadStoreCopy = lazyModule(() => import('./store-copy'));

/** While the copy is on its way. */
export const STORE_COPY_SENDING = 'Sending a copy to the team store…';

/** Sends the team store's copy of a file saved here; resolves with the sentence that says what became of it. */
export async function copyToStore(api: DatabaseApi, file: BackupFile, kind: StoreBackupKind): Promise<string> {
  const loaded = await loadStoreCopy();
  if (!loaded.ok) return ` The team store copy was not sent: ${loaded.error.message}`;
  return loaded.value.describeStoreCopy(await loaded.value.sendStoreCopy(api, file, kind));
}
