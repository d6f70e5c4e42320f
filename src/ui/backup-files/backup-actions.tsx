import { useEffect } from 'react';
import type { BackupReceipt } from '../../worker/backup-files/backup-file-types';
import type { SecretsMode } from '../../core/backup/format/format';
import { lazyPanel } from '../common/lazy-panel';
import { FoldingNotice } from '../common/folding-notice';
import { useAppSettings } from '../common/app-settings-context';
import type { TeamNote } from '../common/team-note';
import { useBackupSettings, type PassphraseSource } from '../common/backup-settings';
import { useBackupDownload } from '../common/use-backup-download';

// Shown only for encrypted backups, and after a backup was saved: loaded when first shown.
const BackupPassphraseForm = lazyPanel(() => import('./backup-passphrase-form').then((m) => m.BackupPassphraseForm));
const CopyNoteButton = lazyPanel(() => import('../common/copy-note-button').then((m) => m.CopyNoteButton));

const SECRETS_NOTES: Record<SecretsMode, string> = {
  plain:
    'Backup files include API keys and bearer tokens in plain text, like the original app’s. Keep them in a protected folder.',
  encrypted:
    'Backup files are encrypted with your passphrase (AES-GCM). Without the passphrase nobody can restore them — including you.',
  omitted: 'Backup files leave out API keys and bearer tokens. Restored configurations will ask for their credentials.',
};

const LOCK_PASSPHRASE_NOTE =
  'Backup files are encrypted (AES-GCM) with the app lock’s passphrase. Without it nobody can restore them — including you.';

/**
 * `Download backup`, `Quick emergency backup`, and how files treat credentials. Always enabled:
 * even a read-only tab can save what it shows. Busy buttons are aria-disabled rather than
 * disabled, so keyboard focus stays on them until the result takes it.
 */
export function BackupActions() {
  const { run, busy, notice, clearNotice, saved } = useBackupDownload();
  const operatorName = useAppSettings().settings?.operatorName ?? '';
  const {
    secrets,
    setSecrets,
    passphrase,
    confirmation,
    passphraseSource,
    setPassphraseSource,
    hasLockPassphrase,
    usesLockPassphrase,
  } = useBackupSettings();
  // A refusal about the passphrase is stale once the settings change.
  useEffect(() => {
    if (notice?.kind === 'error') clearNotice();
    // Only a change of settings clears it, not the notice appearing.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the settings are the trigger, on purpose
  }, [secrets, passphrase, confirmation]);
  return (
    <section aria-labelledby="backup-heading" className="sidebar-section">
      <h3 id="backup-heading">Backup</h3>
      <div className="button-row">
        <button type="button" className="primary" aria-disabled={busy !== null} onClick={() => void run('manual')}>
          {busy === 'manual' ? 'Preparing backup…' : 'Download backup'}
        </button>
        <button type="button" aria-disabled={busy !== null} onClick={() => void run('emergency')}>
          {busy === 'emergency' ? 'Preparing…' : 'Quick emergency backup'}
        </button>
      </div>
      <p className="caption" id="secrets-note">
        {usesLockPassphrase ? LOCK_PASSPHRASE_NOTE : SECRETS_NOTES[secrets]}
      </p>
      <details className="options">
        <summary>Backup file options</summary>
        <fieldset>
          <legend>API credentials in backup files</legend>
          {(['plain', 'encrypted', 'omitted'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name="backup-secrets"
                value={mode}
                checked={secrets === mode}
                onChange={() => setSecrets(mode)}
              />
              {mode === 'plain'
                ? 'Include (plain text)'
                : mode === 'encrypted'
                  ? 'Encrypt the whole file with a passphrase'
                  : 'Leave credentials out'}
            </label>
          ))}
        </fieldset>
        {secrets === 'encrypted' && hasLockPassphrase ? (
          <LockPassphraseChoice source={passphraseSource} onChange={setPassphraseSource} />
        ) : null}
        {secrets === 'encrypted' && !usesLockPassphrase ? (
          <BackupPassphraseForm isBusy={busy !== null} onSubmit={() => void run('manual')} />
        ) : null}
      </details>
      {notice ? (
        <FoldingNotice notice={notice} takesFocus>
          {saved ? <CopyNoteButton note={backupNote(saved, operatorName)} /> : null}
        </FoldingNotice>
      ) : null}
    </section>
  );
}

/** The team note for a backup just saved by `operatorName` ('' when nobody gave a name). */
export function backupNote(receipt: BackupReceipt, operatorName: string): TeamNote {
  return {
    what: receipt.trigger === 'emergency' ? 'Emergency backup' : 'Backup',
    fileName: receipt.fileName,
    by: operatorName.trim() || null,
    at: receipt.createdAt,
    counts: receipt.counts,
    checksum: receipt.checksum,
  };
}

/** With the app lock on: encrypt backup files with its passphrase, or with a separate one. */
function LockPassphraseChoice({
  source,
  onChange,
}: {
  source: PassphraseSource;
  onChange: (source: PassphraseSource) => void;
}) {
  return (
    <fieldset>
      <legend>Passphrase for backup files</legend>
      <label className="radio">
        <input
          type="radio"
          name="backup-passphrase-source"
          checked={source === 'lock'}
          onChange={() => onChange('lock')}
        />
        The app lock’s passphrase
      </label>
      <label className="radio">
        <input
          type="radio"
          name="backup-passphrase-source"
          checked={source === 'separate'}
          onChange={() => onChange('separate')}
        />
        A separate passphrase
      </label>
    </fieldset>
  );
}
