/**
 * What a failed check of a file says about the backups: the file was no backup at all (a photo,
 * a CSV, an empty file: that file's verification result, nothing more), the check could not judge
 * it (an encrypted file without its passphrase, a file from a newer version of the app), or it is
 * a backup that does not restore (damaged, cut off, edited after it was written) — the one case
 * that is a matter of backup health.
 */

export type CheckFailureKind = 'not-a-backup' | 'not-judged' | 'damaged';

/** The reader's refusals of files that are not backups of any kind (docs/backup-format.md §9). */
const NOT_A_BACKUP: ReadonlySet<string> = new Set([
  'empty-file',
  'zip-file',
  'not-text',
  'not-json',
  'not-a-backup',
  'too-big',
  'unknown-version',
]);

/** Refusals that say nothing about the file's soundness. */
const NOT_JUDGED: ReadonlySet<string> = new Set([
  'needs-passphrase',
  'wrong-passphrase',
  'newer-version',
  'too-large-for-browser',
  'engine-restarted',
  'module-load-failed',
  'unexpected',
]);

/** Cut-off or damaged data: a backup's when the name is a backup's, else no backup at all. */
const DAMAGED_IF_NAMED: ReadonlySet<string> = new Set(['truncated-json', 'not-gzip']);

const BACKUP_NAME = /^ff2api_(emergency_)?backup_\d{8}_\d{6}.*\.json(\.gz)?$/i;

/** How to read a check that failed with `code` on the file `fileName`. */
export function classifyCheckFailure(code: string, fileName: string): CheckFailureKind {
  if (NOT_A_BACKUP.has(code)) return 'not-a-backup';
  if (NOT_JUDGED.has(code)) return 'not-judged';
  if (DAMAGED_IF_NAMED.has(code)) return BACKUP_NAME.test(fileName) ? 'damaged' : 'not-a-backup';
  return 'damaged';
}
