import type { FormEvent } from 'react';
import { PassphraseField } from '../common/passphrase-field';
import { ratePassphrase, STRENGTH_TEXT } from '../common/passphrase-strength';
import { MIN_PASSPHRASE_LENGTH, useBackupSettings } from '../common/backup-settings';

/**
 * The passphrase for encrypted backups, typed twice (a typo here means nobody can restore the
 * file), with Show, a strength hint, and Enter to download the encrypted backup.
 */
export function BackupPassphraseForm({ isBusy, onSubmit }: { isBusy: boolean; onSubmit: () => void }) {
  const { separatePassphrase: passphrase, setPassphrase, confirmation, setConfirmation } = useBackupSettings();
  const strength = ratePassphrase(passphrase, MIN_PASSPHRASE_LENGTH);
  const isMismatch = confirmation !== '' && confirmation !== passphrase;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="passphrase-form" aria-label="Encryption passphrase" onSubmit={submit}>
      <PassphraseField
        label="Backup passphrase"
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
        hint={
          <>
            <p className="strength" aria-live="polite">
              {passphrase === ''
                ? `At least ${MIN_PASSPHRASE_LENGTH} characters.`
                : `Strength: ${STRENGTH_TEXT[strength]}`}
            </p>
            <p className="strength">Kept only while this tab is open. Without it nobody can restore the file.</p>
          </>
        }
      />
      <PassphraseField
        label="Repeat the passphrase"
        autoComplete="new-password"
        value={confirmation}
        onChange={setConfirmation}
        aria-invalid={isMismatch}
        hint={isMismatch ? <span className="mismatch">The two passphrases differ.</span> : null}
      />
      <div className="button-row">
        <button type="submit" aria-disabled={isBusy}>
          Download encrypted backup
        </button>
      </div>
    </form>
  );
}
