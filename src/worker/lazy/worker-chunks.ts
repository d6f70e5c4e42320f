/**
 * The database worker's parts that load on first use (src/worker/lazy/lazy-module.ts), one
 * loader per entry point. What each pulls in (the restore engine's readers, scanner and sealed
 * files; the backup writer; snapshot decompression) comes along in its chunk.
 */
import { lazyModule } from './lazy-module';

/** Restoring from a file or a candidate: read, check, preview in names, apply. */
export const loadRestoreOperations = lazyModule(() => import('../operations/restore'));

/** Writing backup files of the live database. */
export const loadBackupFileOperations = lazyModule(() => import('../operations/backup-file'));

/** Where snapshots meet the restore engine: candidates, undo, file verification, snapshot downloads. */
export const loadRestoreAdapter = lazyModule(() => import('../snapshots/restore-adapter'));

/** A verified snapshot's stored bytes, decompressed and checked against their digest. */
export const loadSnapshotContents = lazyModule(() => import('../snapshots/snapshot-contents'));

/** Creating and editing configurations: the input checks and the API's field list. */
export const loadConfigurationSave = lazyModule(() => import('../../core/db/configuration-save'));

/** The app lock's key derivation (PBKDF2, wrapping the data keys): when unlocking or changing the lock. */
export const loadKeyDerivation = lazyModule(() => import('../../core/lock/passphrase-keys'));
