import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SecretsMode } from '../../worker/api';

/**
 * How backups treat API credentials. The mode is remembered in this browser (localStorage: a
 * preference, not data); the passphrase is kept only in memory for this tab's lifetime.
 */
interface BackupSettings {
  secrets: SecretsMode;
  setSecrets: (mode: SecretsMode) => void;
  passphrase: string;
  setPassphrase: (value: string) => void;
  /** The passphrase typed a second time; an encrypted backup needs both to agree. */
  confirmation: string;
  setConfirmation: (value: string) => void;
}

const STORAGE_KEY = 'ff2api-web.backup-secrets';
/** Shortest passphrase we accept for encrypted backups. */
export const MIN_PASSPHRASE_LENGTH = 8;

const BackupSettingsContext = createContext<BackupSettings | null>(null);

/** Why an encrypted backup cannot be made with these settings, or null when it can. */
export function passphraseProblem(settings: Pick<BackupSettings, 'secrets' | 'passphrase' | 'confirmation'>): 'too-short' | 'mismatch' | null {
  if (settings.secrets !== 'encrypted') return null;
  if ([...settings.passphrase].length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  return settings.confirmation === settings.passphrase ? null : 'mismatch';
}

/** Holds the backup secrets mode and passphrase for the sidebar and the urgent banner. */
export function BackupSettingsProvider({ children }: { children: ReactNode }) {
  const [secrets, setSecretsState] = useState<SecretsMode>(readStoredMode);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const value = useMemo(
    () => ({
      secrets,
      setSecrets: (mode: SecretsMode) => {
        setSecretsState(mode);
        try {
          localStorage.setItem(STORAGE_KEY, mode);
        } catch {
          // Private mode or storage blocked: the choice still holds for this tab.
        }
      },
      passphrase,
      setPassphrase,
      confirmation,
      setConfirmation,
    }),
    [secrets, passphrase, confirmation],
  );
  return <BackupSettingsContext.Provider value={value}>{children}</BackupSettingsContext.Provider>;
}

/** The current backup settings. */
export function useBackupSettings(): BackupSettings {
  const value = useContext(BackupSettingsContext);
  if (!value) throw new Error('useBackupSettings must be used inside <BackupSettingsProvider>');
  return value;
}

function readStoredMode(): SecretsMode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'encrypted' || stored === 'omitted' ? stored : 'plain';
  } catch {
    return 'plain';
  }
}
