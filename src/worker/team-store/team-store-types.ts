import type { StoreAddress } from '../../core/db/team-store-settings';
import type { StoreBackupKind } from '../../core/team-store/store-retention';
import type { ConnectionReport } from '../../platform/team-store/connection-check';

/** What the page and the worker say of the team store: settings, connecting, copies, the list. */

/** Where the store is and the key to it, as typed on the `Team store` form. */
export type StoreSettingsInput = StoreAddress;

export interface ConnectRequest extends StoreSettingsInput {
  /** The team passphrase; or, to join without it, the printed recovery key. */
  passphrase: string;
  /** Only when creating the team (the prefix has none yet): the passphrase typed again. */
  confirmPassphrase?: string;
  recoveryKey?: string;
  browserName: string;
  person: string;
  /** This app's origin (the CORS rule the check shows is for it). */
  origin: string;
}

/** `Test connection`: the check's steps, and whether a team already uses this prefix. */
export interface ConnectionTest {
  report: ConnectionReport;
  /** 'exists': Connect joins it; 'none': Connect creates it; 'unknown': the check did not get that far. */
  team: 'exists' | 'none' | 'unknown';
}

export type ConnectOutcome =
  | {
      state: 'connected';
      created: boolean;
      /** Shown once, to print: only when the team was created. */ recoveryKey: string | null;
    }
  /** The check failed: nothing was stored; the report says why and what to do. */
  | { state: 'check-failed'; test: ConnectionTest }
  /** No team at this prefix yet: Connect creates one once the passphrase is typed twice. */
  | { state: 'needs-confirmation'; test: ConnectionTest };

/** One copy waiting to go to the store (or needing a person), as the page lists it. */
export interface PendingUpload {
  id: string;
  fileName: string;
  backupKind: StoreBackupKind;
  queuedAt: string;
  attempts: number;
  state: 'pending' | 'needs-attention';
  nextAttemptAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
}

export type TeamStoreStatus =
  | { connected: false; browserName: string | null; person: string | null }
  | (Omit<StoreAddress, 'secretAccessKey'> & {
      connected: true;
      teamId: string;
      deviceId: string;
      browserName: string;
      person: string;
      connectedAt: string;
      copyBeforeRisky: boolean;
      /** Versioning and Object Lock, in plain words (empty: neither, or unknown). */
      protection: string[];
      pending: PendingUpload[];
      lastRetention: { at: string; summary: string } | null;
    });

/** What became of a backup file's copy for the store. */
export type StoreCopyOutcome =
  | { state: 'not-connected' }
  /** Read back and checked: it counts as a backup point. */
  | { state: 'checked'; retention: string | null }
  /** Kept here and tried again later (`nextAttemptAt`); `message` says why. */
  | { state: 'waiting'; message: string; detail?: string; nextAttemptAt: string | null; isKept: boolean };

/** One backup in the store, as the Team view lists it. */
export interface StoreBackupRow {
  key: string;
  createdAt: string;
  backupKind: StoreBackupKind;
  fileName: string;
  browserName: string;
  person: string;
  isThisBrowser: boolean;
  /** The stored object's size (sealed). */
  sizeBytes: number;
  /** Read back and checked by this browser (its own uploads, and copies it opened in full). */
  isVerified: boolean;
}

export interface StoreBackupList {
  backups: StoreBackupRow[];
  /** Objects under the prefix that are not backups of this team (never read, never deleted). */
  otherObjects: number;
  /** Backups whose sealed header did not open with the team key (refused). */
  refused: number;
}

/** The team store's side of backup health (worker/health reads it for the overview). */
export interface StoreHealthFacts {
  /** Where the store is (no key): the eviction note keeps it, to help connect again. */
  location: { endpoint: string; region: string; bucket: string; prefix: string };
  connectedAt: string;
  newestGoodCopy: { at: string; fileName: string } | null;
  lastCheckAt: string | null;
  /** Failures since the newest good copy, newest first. */
  failures: { at: string; message: string }[];
  unreachableSince: string | null;
  waiting: number;
}
