import { useState, type FormEvent } from 'react';
import { useDatabase } from '../common/database-context';
import { Notice, type NoticeContent } from '../common/notice';
import { useBackupSettings } from '../common/backup-settings';
import { useRequiredLockSession } from '../common/lock-session';
import { NewPassphraseFields } from './new-passphrase-fields';
import { FORGOTTEN_PASSPHRASE_WARNING, problemWithNewPassphrase } from './passphrase-rules';

/** `Lock with a passphrase`: the warning first, then `New passphrase`, `Confirm passphrase`, `Turn on lock`. */
export function TurnOnLockForm({ onDone }: { onDone: (isTurnedOn: boolean) => void }) {
  const { notifyChanged } = useDatabase();
  const session = useRequiredLockSession();
  const backup = useBackupSettings();
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = problemWithNewPassphrase(next, confirmation);
    if (problem) return setNotice({ kind: 'error', text: problem });
    setBusy(true);
    setNotice(null);
    const result = await session.api.turnOnLock(next);
    setBusy(false);
    if (!result.ok)
      return setNotice({
        kind: 'error',
        text: result.error.message,
        ...(result.error.detail ? { detail: result.error.detail } : {}),
      });
    // With the lock on, backup files are encrypted by default, with this same passphrase.
    backup.setSecrets('encrypted');
    backup.setPassphraseSource('lock');
    session.changed(result.value, next);
    await notifyChanged();
    onDone(true);
  }

  return (
    <form aria-label="Lock with a passphrase" className="lock-form" onSubmit={(event) => void submit(event)}>
      <p className="lock-warning">{FORGOTTEN_PASSPHRASE_WARNING}</p>
      <p className="caption">
        The lock encrypts the database stored in this browser. The app then opens only with the passphrase, and locks
        itself after a set idle time. Backup files will be encrypted with the same passphrase unless you choose another
        under “Backup file options”.
      </p>
      <NewPassphraseFields next={next} confirmation={confirmation} onNext={setNext} onConfirmation={setConfirmation} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? 'Turning on…' : 'Turn on lock'}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      {notice ? <Notice notice={notice} /> : null}
    </form>
  );
}
