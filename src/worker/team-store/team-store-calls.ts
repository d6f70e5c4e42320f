import type { StoreBackupKind } from '../../core/team-store/store-retention';
import type { BackupReceipt } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import type { TeamStoreEntry } from './team-store-entry';
import type { ConnectRequest, StoreSettingsInput } from './team-store-types';

/**
 * The team store: its status, `Test connection`, `Connect` / `Disconnect`, this browser's names,
 * the copies of backup files for the store (sent, waiting, tried again), and the team's backups
 * listed and previewed for a restore (then the restore feature's `applyRestore`).
 */
export const teamStoreCalls = {
  reads: {
    /** Connected or not, where, who this browser is, the copies waiting (never the secret or the key). */
    getTeamStoreStatus: (store: TeamStoreEntry) => store.status(),
  },
  actions: {
    /** `Test connection`: each step in plain words, the CORS rule for this app, whether a team uses the prefix. */
    testStoreConnection: (store: TeamStoreEntry, input: StoreSettingsInput & { origin: string }) =>
      store.use((parts) => parts.feature.testConnection(input)),
    /** `Connect`: the check, then the team created (recovery key shown once) or joined. */
    connectTeamStore: (store: TeamStoreEntry, request: ConnectRequest) =>
      store.use((parts) => parts.feature.connect(request)),
    /** `Disconnect`: the store's key and the team key are forgotten here; the store keeps its objects. */
    disconnectTeamStore: (store: TeamStoreEntry) => store.connected((parts) => parts.feature.disconnect()),
    setTeamIdentity: (store: TeamStoreEntry, names: { browserName: string; person: string }) =>
      store.use((parts) => parts.feature.setIdentity(names)),
    setCopyBeforeRisky: (store: TeamStoreEntry, isOn: boolean) =>
      store.connected((parts) => parts.feature.setCopyBeforeRisky(isOn)),
    /** A backup file already saved here goes to the store too: kept, sent, read back and checked. */
    sendBackupToStore: (store: TeamStoreEntry, file: { blob: Blob; receipt: BackupReceipt }, kind: StoreBackupKind) =>
      store.sendBackup(file, kind),
    /** The page's minute tick (and start): the copies that are due are tried. */
    runStoreUploads: (store: TeamStoreEntry) => store.runDue(false),
    /** The browser is online again, or a person asked: every waiting copy is tried now. */
    retryStoreUploads: (store: TeamStoreEntry) => store.runDue(true),
    /** The team's backups in the store, newest first (time, kind, browser, person, size, verified). */
    listStoreBackups: (store: TeamStoreEntry) => store.connected((parts) => parts.restores.list()),
    /** The usual restore preview of one backup in the store; then `applyRestore(previewId, mode)`. */
    inspectStoreBackup: (store: TeamStoreEntry, key: string, options?: { passphrase?: string }) =>
      store.connected((parts) => parts.restores.inspect(key, options)),
    /** `Restore latest from team store`: the preview of the team's newest backup. */
    inspectLatestStoreBackup: (store: TeamStoreEntry, options?: { passphrase?: string }) =>
      store.connected((parts) => parts.restores.inspectLatest(options)),
  },
} satisfies FeatureCalls<TeamStoreEntry>;
