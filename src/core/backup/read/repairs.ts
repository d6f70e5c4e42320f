import { DEFAULT_BASE_URL } from '../format/format';

/**
 * The repairs made when reading the original FF2API's files (docs/backup-format.md §5),
 * each reported in the restore preview as one warning with the number of rows it touched. The
 * preview prints the count after the message ("… (12 affected)"), so messages carry no number.
 */
export const REPAIRS = {
  timeWasSessionId: {
    code: 'time-was-session-id',
    message:
      'Upload times held a session id instead of a time (a fault of the original app): the id was kept as the session, the file’s date was used as the time, and the rows are marked “time unknown”.',
  },
  timeWasErrorLog: {
    code: 'time-was-error-log',
    message:
      'Upload times held the error log instead of a time (a fault of the original app): the log was kept, the file’s date was used as the time, and the rows are marked “time unknown”.',
  },
  timeMissing: {
    code: 'time-missing',
    message: 'Uploads had no time: the file’s date was used and the rows are marked “time unknown”.',
  },
  localTimes: {
    code: 'local-times',
    message:
      'Times the original app wrote in its server’s local time (without a time zone) were read in this computer’s time zone.',
  },
  configurationNameNone: {
    code: 'configuration-name-none',
    message:
      'Uploads named their configuration “None” or nothing (the original’s way of writing “no configuration”): stored with no configuration.',
  },
  needsCredentials: {
    code: 'needs-credentials',
    message:
      'Configurations had no usable API key or token (missing, empty or “RESTORE_REQUIRED”): they were imported marked “needs credentials” — enter them before using these configurations.',
  },
  addressRefused: {
    code: 'address-refused',
    message:
      'Configurations have an API address the app does not send keys to (a user name or password in it, plain ' +
      'http:// to another computer, or not a web address): they were kept, marked “Check API address”, and nothing ' +
      'is sent with them until the address is corrected and the key typed again.',
  },
  authTypeMissing: {
    code: 'auth-type-missing',
    message: 'Configurations from before bearer tokens existed had no authentication type: set to API key.',
  },
  baseUrlDefault: {
    code: 'base-url-default',
    message: `Configurations had no API address: set to ${DEFAULT_BASE_URL}, as the original did.`,
  },
  configurationTimesMissing: {
    code: 'configuration-times-missing',
    message: 'Configurations had no created or updated time: the file’s date was used.',
  },
  countsInconsistent: {
    code: 'counts-inconsistent',
    message:
      'Uploads report more successful plus failed records than records in total; the numbers were kept as they are.',
  },
  countsMissing: {
    code: 'counts-missing',
    message: 'Uploads had no record counts: stored as 0.',
  },
  historyTruncated: {
    code: 'history-maybe-truncated',
    message:
      'This file holds exactly 100 uploads, and the original app put only the newest 100 into its backups, so older upload history is probably missing from it.',
  },
  namesTidied: {
    code: 'names-tidied',
    message: 'Names had spaces at their ends or several spaces in a row: tidied to single spaces.',
  },
  brokeragesFromHistory: {
    code: 'brokerages-from-history',
    message:
      'Brokerages named only in upload history (they had no configuration) were added, so their uploads can be found by brokerage.',
  },
  legacyMappings: {
    code: 'legacy-mappings',
    message: `Legacy customer mappings were imported as configurations named “Imported mapping” with the API address ${DEFAULT_BASE_URL}, marked “needs credentials”.`,
  },
  learningDataIgnored: {
    code: 'learning-data-ignored',
    message: 'The export’s learning data (mapping suggestions) is not used by FF2API Web and was not imported.',
  },
  processingErrorsIgnored: {
    code: 'processing-errors-ignored',
    message:
      'Processing errors in an original backup cannot be linked to their uploads (it has no upload ids) and were not imported.',
  },
  textRepaired: {
    code: 'text-repaired',
    message:
      'Some text held broken characters (an unpaired surrogate, or an invisible byte-order mark at its start) that a database cannot store: they were replaced by � or removed.',
  },
  activitySkipped: {
    code: 'activity-skipped',
    message:
      'Entries of the file’s activity log that could not be read were left out (the log does not affect the data restored).',
  },
  fileDateMissing: {
    code: 'file-date-missing',
    message: 'The file does not say when it was made: the time of reading was used wherever a date was needed.',
  },
} as const satisfies Record<string, { code: string; message: string }>;

export type Repair = (typeof REPAIRS)[keyof typeof REPAIRS];
