import type { BackupInfoHeader, FORMAT_VERSION } from '../format/format';

/** What the writer and its sinks share: the header they write, and the refusal of a row no reader could read. */

/** The clear header of every file we write. */
export type BackupInfo = BackupInfoHeader<typeof FORMAT_VERSION>;

/** Raised when a row breaks the format's rules (the database holds something no file may carry). */
export class UnwritableRowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnwritableRowError';
  }
}
