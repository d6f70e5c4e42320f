import { useState, type FormEvent } from 'react';
import { useDatabase } from '../common/database-context';
import { Notice, type NoticeContent } from '../common/notice';
import { useBackupSettings } from '../common/backup-settings';
import { IDLE_CHOICES, readIdleMinutes, storeIdleMinutes } from './idle-settings';
import { useRequiredLockSession } from '../common/lock-session';
import { NewPassphraseFields } from './new-passphrase-fields';
import { FORGOTTEN_PASSPHRASE_WARNING, problemWithNewPassphrase } from './passphrase-rules';

/** With the lock on: the idle time, `Change passphrase` and `Turn off lock`. */
export function LockSettingsPanel() {
  const [idleMinutes, setIdleMinutes] = useState(readIdleMinutes);
  return (
    <div className="lock-panel">
      <label className="field">
        Lock after being idle for
        <select
          value={idleMinutes}
          onChange={(event) => {
            setIdleMinutes(Number(event.target.value));
            storeIdleMinutes(Number(event.target.value));
          }}
        >
          {IDLE_CHOICES.map((choice) => (
            <option key={choice.minutes} value={choice.minutes}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <ChangePassphraseForm />
      <TurnOffLockForm />
    </div>
  );
}

/** Re-encrypts the stored data under a new passphrase (and a new key). */
function ChangePassphraseForm() {
  const { notifyChanged } = useDatabase();
  const session = useRequiredLockSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = problemWithNewPassphrase(next, confirmation);
    if (problem) return setNotice({ kind: 'error', text: problem });
    setBusy(true);
    const result = await session.api.changePassphrase(current, next);
    setBusy(false);
    if (!result.ok) return setNotice({ kind: 'error', text: result.error.message });
    session.changed(result.value, next);
    setCurrent('');
    setNext('');
    setConfirmation('');
    setNotice({
      kind: 'success',
      text: 'Passphrase changed: the data in this browser is now encrypted under the new one. The old passphrase no longer opens it.',
    });
    await notifyChanged();
  }

  return (
    <form aria-label="Change passphrase" className="lock-form" onSubmit={(event) => void submit(event)}>
      <h3>Change passphrase</h3>
      <p className="caption">{FORGOTTEN_PASSPHRASE_WARNING}</p>
      <label className="field">
        Current passphrase
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </label>
      <NewPassphraseFields next={next} confirmation={confirmation} onNext={setNext} onConfirmation={setConfirmation} />
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Changing…' : 'Change passphrase'}
      </button>
      {notice ? <Notice notice={notice} /> : null}
    </form>
  );
}

/** Stores everything unencrypted again, after the passphrase is given once more. */
function TurnOffLockForm() {
  const { notifyChanged } = useDatabase();
  const session = useRequiredLockSession();
  const backup = useBackupSettings();
  const [passphrase, setPassphrase] = useState('');
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await session.api.turnOffLock(passphrase);
    setBusy(false);
    if (!result.ok) return setNotice({ kind: 'error', text: result.error.message });
    backup.setPassphraseSource('separate');
    session.changed(result.value, null);
    await notifyChanged();
  }

  return (
    <form aria-label="Turn off lock" className="lock-form" onSubmit={(event) => void submit(event)}>
      <h3>Turn off lock</h3>
      <p className="caption">
        The database will be stored unencrypted in this browser again; anyone using this browser profile can then read
        the API keys.
      </p>
      <label className="field">
        Passphrase to turn the lock off
        <input
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Turning off…' : 'Turn off lock'}
      </button>
      {notice ? <Notice notice={notice} /> : null}
    </form>
  );
}
