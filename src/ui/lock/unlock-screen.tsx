import { useId, useState, type FormEvent } from 'react';
import type { LockApi, LockState } from '../../worker/lock/lock-api';

/**
 * What a locked app shows, and all it shows: `Unlock FF2API`, one form with `Passphrase` and
 * `Unlock`. A wrong passphrase is an alert; nothing of the data exists in the page until the
 * worker has opened it with the right one.
 */
export function UnlockScreen({
  api,
  isDamaged,
  onUnlocked,
}: {
  api: LockApi;
  isDamaged: boolean;
  onUnlocked: (state: LockState, passphrase: string) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  /** The right passphrase, when the stored data then failed its integrity check. */
  const [damagedWith, setDamagedWith] = useState<string | null>(null);
  const headingId = useId();

  async function unlock(typed: string, setDamagedAside: boolean) {
    if (isBusy) return;
    setBusy(true);
    setError(null);
    const result = await api.unlock(typed, { setDamagedAside });
    setBusy(false);
    if (result.ok) return onUnlocked(result.value, typed);
    setError(result.error.message);
    setDamagedWith(result.error.code === 'tampered' ? typed : null);
    setPassphrase('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void unlock(passphrase, false);
  }

  return (
    <main className="unlock-screen">
      <h1 id={headingId}>Unlock FF2API</h1>
      <p>
        The data in this browser is locked with a passphrase. Enter it to open the brokerage configurations and upload
        history.
      </p>
      <form aria-labelledby={headingId} onSubmit={submit}>
        <label className="field">
          Passphrase
          <input
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            required
          />
        </label>
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      {error || isDamaged ? (
        <div role="alert" className="notice notice-error">
          <p>
            {error ??
              'The app lock’s record in this browser is damaged, so the locked data cannot be opened here. Restore your latest backup file (after clearing this site’s data in the browser).'}
          </p>
          {damagedWith !== null ? (
            <button type="button" disabled={isBusy} onClick={() => void unlock(damagedWith, true)}>
              Keep the damaged copy aside and start empty
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="caption">
        Forgot the passphrase? It cannot be recovered, by anyone. Only a backup file can bring the data back: clear this
        site’s data in the browser, then restore your latest backup file.
      </p>
    </main>
  );
}
