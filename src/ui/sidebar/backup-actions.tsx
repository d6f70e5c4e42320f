import type { SecretsMode } from '../../worker/api';
import { Notice } from '../shared/notice';
import { MIN_PASSPHRASE_LENGTH, useBackupSettings, type PassphraseSource } from './backup-settings';
import { useBackupDownload } from './use-backup-download';

const SECRETS_NOTES: Record<SecretsMode, string> = {
  plain: 'Backup files include API keys and bearer tokens in plain text, like the original app’s. Keep them in a protected folder.',
  encrypted: 'Backup files are encrypted with your passphrase (AES-GCM). Without the passphrase nobody can restore them — including you.',
  omitted: 'Backup files leave out API keys and bearer tokens. Restored configurations will ask for their credentials.',
};

const LOCK_PASSPHRASE_NOTE =
  'Backup files are encrypted (AES-GCM) with the app lock’s passphrase. Without it nobody can restore them — including you.';

/**
 * `Download backup`, `Quick emergency backup`, and how files treat credentials. Always enabled:
 * even a read-only tab can save what it shows.
 */
export function BackupActions() {
  const { run, busy, notice } = useBackupDownload();
  const { secrets, setSecrets, separatePassphrase, setPassphrase, passphraseSource, setPassphraseSource, hasLockPassphrase } = useBackupSettings();
  const usesLockPassphrase = secrets === 'encrypted' && hasLockPassphrase && passphraseSource === 'lock';
  return (
    <section aria-labelledby="backup-heading" className="sidebar-section">
      <h3 id="backup-heading">Backup</h3>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void run('manual')}>
          {busy === 'manual' ? 'Preparing backup…' : 'Download backup'}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void run('emergency')}>
          {busy === 'emergency' ? 'Preparing…' : 'Quick emergency backup'}
        </button>
      </div>
      <p className="caption" id="secrets-note">{usesLockPassphrase ? LOCK_PASSPHRASE_NOTE : SECRETS_NOTES[secrets]}</p>
      <details className="options">
        <summary>Backup file options</summary>
        <fieldset>
          <legend>API credentials in backup files</legend>
          {(['plain', 'encrypted', 'omitted'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input type="radio" name="backup-secrets" value={mode} checked={secrets === mode} onChange={() => setSecrets(mode)} />
              {mode === 'plain' ? 'Include (plain text)' : mode === 'encrypted' ? 'Encrypt the whole file with a passphrase' : 'Leave credentials out'}
            </label>
          ))}
        </fieldset>
        {secrets === 'encrypted' && hasLockPassphrase ? <LockPassphraseChoice source={passphraseSource} onChange={setPassphraseSource} /> : null}
        {secrets === 'encrypted' && !usesLockPassphrase ? (
          <div className="field">
            <label htmlFor="backup-passphrase">Backup passphrase</label>
            <input
              id="backup-passphrase"
              type="password"
              autoComplete="new-password"
              value={separatePassphrase}
              minLength={MIN_PASSPHRASE_LENGTH}
              aria-describedby="backup-passphrase-note"
              onChange={(event) => setPassphrase(event.target.value)}
            />
            <span className="caption" id="backup-passphrase-note">At least {MIN_PASSPHRASE_LENGTH} characters. Kept only while this tab is open.</span>
          </div>
        ) : null}
      </details>
      {notice ? <Notice notice={notice} /> : null}
    </section>
  );
}

/** With the app lock on: encrypt backup files with its passphrase, or with a separate one. */
function LockPassphraseChoice({ source, onChange }: { source: PassphraseSource; onChange: (source: PassphraseSource) => void }) {
  return (
    <fieldset>
      <legend>Passphrase for backup files</legend>
      <label className="radio">
        <input type="radio" name="backup-passphrase-source" checked={source === 'lock'} onChange={() => onChange('lock')} />
        The app lock’s passphrase
      </label>
      <label className="radio">
        <input type="radio" name="backup-passphrase-source" checked={source === 'separate'} onChange={() => onChange('separate')} />
        A separate passphrase
      </label>
    </fieldset>
  );
}
