import { useState } from 'react';
import { FoldingNotice } from '../common/folding-notice';
import { Notice } from '../common/notice';
import { lazyPanel } from '../common/lazy-panel';
import { useLockSession } from '../common/lock-session';

// Opened from the header's buttons: the forms (and the passphrase rules) load when first opened.
const TurnOnLockForm = lazyPanel(() => import('./turn-on-lock-form').then((m) => m.TurnOnLockForm));
const LockSettingsPanel = lazyPanel(() => import('./lock-settings-panel').then((m) => m.LockSettingsPanel));

const LOCK_ON =
  'The app lock is on: the database in this browser is now stored encrypted, and backup files are encrypted with the same passphrase. “Lock now” locks every tab; the app also locks itself when left idle.';

/**
 * The app lock's controls in the page header: `Lock with a passphrase` while the lock is off;
 * `Lock now` and `Lock settings` while it is on.
 */
export function LockControls() {
  const session = useLockSession();
  const [isOpen, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  if (!session) return null;
  const isOn = session.state.isOn;
  return (
    <section aria-label="App lock" className="lock-controls">
      <div className="button-row">
        {isOn ? (
          <button type="button" className="primary" onClick={() => void session.lockNow().then(setProblem)}>
            Lock now
          </button>
        ) : null}
        <button type="button" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          {isOn ? 'Lock settings' : 'Lock with a passphrase'}
        </button>
      </div>
      {problem ? <Notice notice={{ kind: 'error', text: problem }} /> : null}
      {confirmation && isOn ? <FoldingNotice notice={{ kind: 'success', text: confirmation }} takesFocus /> : null}
      {isOpen && !isOn ? (
        <TurnOnLockForm
          onDone={(isTurnedOn) => {
            setOpen(false);
            setConfirmation(isTurnedOn ? LOCK_ON : null);
          }}
        />
      ) : null}
      {isOpen && isOn ? <LockSettingsPanel /> : null}
    </section>
  );
}
