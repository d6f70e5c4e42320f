import { MIN_LOCK_PASSPHRASE_LENGTH } from './lock-api';

/** What the lock tells people when it refuses or cannot finish (what happened, what was kept, what to do). */
export const LOCK_MESSAGES = {
  wrongPassphrase:
    'That is not this app’s passphrase. Nothing was opened or changed. Check Caps Lock and the keyboard layout, then try again.',
  tampered:
    'The passphrase is right, but the locked database stored in this browser failed its integrity check: it was changed outside FF2API, or damaged. It was left exactly as it is and nothing was opened. Your backup files are not affected: keep the damaged copy aside and start empty, then restore your latest backup file.',
  damaged:
    'The app lock’s record in this browser is damaged, so the locked data cannot be opened here. Nothing was changed. Restore your latest backup file (after clearing this site’s data in the browser).',
  locked: 'The app is locked: unlock it first. Nothing was changed.',
  unsaved:
    'The app was not locked: your latest change is not saved in this browser yet, and locking now would lose it. Download a backup now, then try again.',
  isOff: 'The app lock is not on, so there is nothing to lock or change. Nothing was changed.',
  isOn: 'The app lock is already on. Nothing was changed.',
  tooShort: `A passphrase needs at least ${MIN_LOCK_PASSPHRASE_LENGTH} characters. Nothing was changed.`,
  notWriter:
    'Another tab is editing the database, so the lock can only be changed from that tab (or use “Take over editing” here first). Nothing was changed.',
  unfinished:
    'The new lock setting is recorded, but the database could not be re-saved in its new form yet (the browser refused the write). Nothing was lost; it will be finished the next time you unlock.',
};

/** The activity log's entries for lock changes. */
export const LOCK_SUMMARIES = {
  on: 'App lock turned on: the database in this browser is now encrypted',
  changed: 'App lock passphrase changed: the database was re-encrypted with a new key',
  off: 'App lock turned off: the database in this browser is stored unencrypted again',
};
