import { MIN_LOCK_PASSPHRASE_LENGTH } from '../../worker/lock/lock-api';

/** Why a new passphrase and its confirmation cannot be used; null when they can. */
export function problemWithNewPassphrase(next: string, confirmation: string): string | null {
  if (next.length < MIN_LOCK_PASSPHRASE_LENGTH)
    return `The new passphrase needs at least ${MIN_LOCK_PASSPHRASE_LENGTH} characters (a few words are easiest to remember). Nothing was changed.`;
  if (next !== confirmation)
    return 'The two passphrases are not the same. Type the new passphrase twice, exactly alike. Nothing was changed.';
  return null;
}

/** The warning a user must read before relying on a passphrase. */
export const FORGOTTEN_PASSPHRASE_WARNING =
  'A forgotten passphrase cannot be recovered — not by you, not by anyone. If it is lost, only a backup file can bring the data back, so download a backup first and keep the passphrase somewhere safe.';
