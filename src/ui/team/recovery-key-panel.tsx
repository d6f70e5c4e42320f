import { useEffect, useRef } from 'react';
import { CopyTextButton } from './copy-text-button';

/**
 * The team's recovery key, shown once, right after the team was created: to print or copy and
 * keep apart from the computer, with the plain warning that a lost passphrase cannot be recovered
 * without it. Printing prints only this sheet (team.css hides the rest of the page).
 */
export function RecoveryKeyPanel({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section aria-label="Recovery key" className="recovery-key-sheet notice notice-warning">
      <h3 ref={headingRef} tabIndex={-1}>
        The team’s recovery key — print it now
      </h3>
      <p className="recovery-key">
        <code>{recoveryKey}</code>
      </p>
      <p>
        <strong>A lost team passphrase cannot be recovered.</strong> Without the passphrase or this key nobody — not
        you, not the app’s makers — can open the team’s backups in the store. This key is shown only now: print it or
        copy it somewhere safe, away from this computer. With it, a browser joins the team when the passphrase is lost.
      </p>
      <div className="button-row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print the recovery key
        </button>
        <CopyTextButton text={recoveryKey} label="Copy the recovery key" />
        <button type="button" onClick={onDone}>
          I have kept it safe
        </button>
      </div>
    </section>
  );
}
