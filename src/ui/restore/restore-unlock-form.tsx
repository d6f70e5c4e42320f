import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../core/result';
import { Notice } from '../common/notice';
import { PassphraseField } from '../common/passphrase-field';

export interface RestoreUnlockFormProps {
  isBusy: boolean;
  /** The refusal of the last try (a wrong passphrase); cleared as soon as the user types again. */
  error: AppError | null;
  onUnlock: (passphrase: string) => void;
}

/** `Backup passphrase` + `Unlock backup` for an encrypted file; Enter unlocks. */
export function RestoreUnlockForm({ isBusy, error, onUnlock }: RestoreUnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [isStale, setStale] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setStale(false);
    // After a wrong passphrase the field is ready for the next try.
    if (error) inputRef.current?.select();
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '' || isBusy) return;
    setStale(true);
    onUnlock(passphrase);
  };
  return (
    <form className="unlock-form" aria-label="Unlock the backup" onSubmit={submit}>
      <p>This file is encrypted. Enter its passphrase to see what it holds.</p>
      <PassphraseField
        label="Backup passphrase"
        autoComplete="off"
        value={passphrase}
        inputRef={inputRef}
        aria-invalid={error !== null && !isStale}
        onChange={(value) => {
          setPassphrase(value);
          setStale(true);
        }}
      />
      <div className="button-row">
        <button type="submit" disabled={passphrase === ''} aria-disabled={isBusy}>
          {isBusy ? 'Unlocking…' : 'Unlock backup'}
        </button>
      </div>
      {error && !isStale ? <Notice notice={{ kind: 'error', text: error.message }} /> : null}
    </form>
  );
}
