import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SecretsMode } from '../../core/backup/format/format';
import { useLockSession } from './lock-session';

/**
 * How backups treat API credentials. The mode is remembered in this browser (localStorage: a
 * preference, not data); the passphrase is kept only in memory for this tab's lifetime. With the
 * app lock on, a stored "Include (plain text)" is not believed: localStorage is not sealed, and
 * anyone who can write to the profile could set it so that the next backup — the automatic end of
 * day one too — carries the keys readable. Plain text then holds only once chosen on this page,
 * until the next lock; otherwise backups are encrypted.
 */
interface BackupSettings {
  secrets: SecretsMode;
  setSecrets: (mode: SecretsMode) => void;
  /** The passphrase encrypted backups use: the app lock's when chosen (and the lock is on), else the separate one. */
  passphrase: string;
  /** The separate backup passphrase typed under “Backup file options”. */
  separatePassphrase: string;
  setPassphrase: (value: string) => void;
  /** The separate passphrase typed a second time; an encrypted backup needs both to agree. */
  confirmation: string;
  setConfirmation: (value: string) => void;
  /** With the app lock on: encrypt backups with its passphrase (`lock`) or a separate one. */
  passphraseSource: PassphraseSource;
  setPassphraseSource: (source: PassphraseSource) => void;
  /** Whether the app lock is on and its passphrase is known in this page. */
  hasLockPassphrase: boolean;
  /** True when backups are encrypted with the app lock's passphrase (nothing to type). */
  usesLockPassphrase: boolean;
}

export type PassphraseSource = 'lock' | 'separate';

const STORAGE_KEY = 'ff2api-web.backup-secrets';
const SOURCE_KEY = 'ff2api-web.backup-passphrase-source';
/** Shortest passphrase we accept for encrypted backups. */
export const MIN_PASSPHRASE_LENGTH = 8;

const BackupSettingsContext = createContext<BackupSettings | null>(null);

/** Why an encrypted backup cannot be made with these settings, or null when it can. */
export function passphraseProblem(
  settings: Pick<BackupSettings, 'secrets' | 'passphrase' | 'confirmation' | 'usesLockPassphrase'>,
): 'too-short' | 'mismatch' | null {
  if (settings.secrets !== 'encrypted' || settings.usesLockPassphrase) return null;
  if ([...settings.passphrase].length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  return settings.confirmation === settings.passphrase ? null : 'mismatch';
}

/** Holds the backup secrets mode and passphrase for the sidebar and the urgent banner. */
export function BackupSettingsProvider({ children }: { children: ReactNode }) {
  const [storedSecrets, setSecretsState] = useState<SecretsMode>(readStoredMode);
  const [isPlainChosenHere, setPlainChosenHere] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [passphraseSource, setSourceState] = useState<PassphraseSource>(() =>
    readStored(SOURCE_KEY) === 'separate' ? 'separate' : 'lock',
  );
  const lockSession = useLockSession();
  const lockPassphrase = lockSession?.passphrase ?? null;
  const isLockOn = lockSession?.state.isOn === true;
  const isPlainDoubted = isLockOn && storedSecrets === 'plain' && !isPlainChosenHere;
  const secrets: SecretsMode = isPlainDoubted ? 'encrypted' : storedSecrets;
  const value = useMemo(() => {
    const usesLockPassphrase = secrets === 'encrypted' && passphraseSource === 'lock' && lockPassphrase !== null;
    return {
      secrets,
      setSecrets: (mode: SecretsMode) => {
        setSecretsState(mode);
        setPlainChosenHere(mode === 'plain');
        writeStored(STORAGE_KEY, mode);
      },
      passphrase: usesLockPassphrase && lockPassphrase !== null ? lockPassphrase : passphrase,
      separatePassphrase: passphrase,
      setPassphrase,
      confirmation,
      setConfirmation,
      passphraseSource,
      setPassphraseSource: (source: PassphraseSource) => {
        setSourceState(source);
        writeStored(SOURCE_KEY, source);
      },
      hasLockPassphrase: lockPassphrase !== null,
      usesLockPassphrase,
    };
  }, [secrets, passphrase, confirmation, passphraseSource, lockPassphrase]);
  return <BackupSettingsContext.Provider value={value}>{children}</BackupSettingsContext.Provider>;
}

/** The current backup settings. */
export function useBackupSettings(): BackupSettings {
  const value = useContext(BackupSettingsContext);
  if (!value) throw new Error('useBackupSettings must be used inside <BackupSettingsProvider>');
  return value;
}

function readStoredMode(): SecretsMode {
  const stored = readStored(STORAGE_KEY);
  return stored === 'encrypted' || stored === 'omitted' ? stored : 'plain';
}

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage blocked: the choice still holds for this tab.
  }
}
