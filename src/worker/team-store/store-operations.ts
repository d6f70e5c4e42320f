/**
 * The team store's heavy parts, one chunk loaded on first use (platform/lazy-import.ts): the S3
 * client and the shared-folder store, the envelope, the keys' derivation and the read-back check.
 * Opening the app with no store connected never loads it; the feature's own module
 * (team-store-feature.ts) stays small.
 */
export { openOrCreateTeam, testConnection } from './connect-team';
export { HeaderReader } from './object-headers';
export { runRetentionPass } from './retention-pass';
export { downloadBackup } from './store-download';
export { listStoreBackups } from './store-listing';
export { openSession } from './team-session';
export { uploadAndCheck } from './upload-attempt';
export { s3Transport } from '../../platform/team-store/s3-transport';
export { folderTransport } from '../../platform/team-store/folder/folder-transport';
