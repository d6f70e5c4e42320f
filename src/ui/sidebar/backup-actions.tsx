import type { SecretsMode } from '../../worker/api';
import { Notice } from '../shared/notice';
import { MIN_PASSPHRASE_LENGTH, useBackupSettings } from './backup-settings';
import { useBackupDownload } from './use-backup-download';

const SECRETS_NOTES: Record<SecretsMode, string> = {
  plain: 'Backup files include API keys and bearer tokens in plain text, like the original app’s. Keep them in a protected folder.',
  encrypted: 'Backup files are encrypted with your passphrase (AES-GCM). Without the passphrase nobody can restore them — including you.',
  omitted: 'Backup files leave out API keys and bearer tokens. Restored configurations will ask for their credentials.',
};

/**
 * `Download backup`, `Quick emergency backup`, and how files treat credentials. Always enabled:
 * even a read-only tab can save what it shows.
 */
export function BackupActions() {
  const { run, busy, notice } = useBackupDownload();
  const { secrets, setSecrets, passphrase, setPassphrase } = useBackupSettings();
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
      <p className="caption" id="secrets-note">{SECRETS_NOTES[secrets]}</p>
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
        {secrets === 'encrypted' ? (
          <div className="field">
            <label htmlFor="backup-passphrase">Backup passphrase</label>
            <input
              id="backup-passphrase"
              type="password"
              autoComplete="new-password"
              value={passphrase}
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
