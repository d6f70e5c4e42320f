import type { AppError } from '../../result';
import { MAX_INFLATE_RATIO } from '../format/limits';
import type { InflateLimitError } from '../scan/gunzip';
import type { ProblemLog } from './problems';

/**
 * What the reader tells people when it refuses a file: what happened, that nothing was changed,
 * what to do. `code` is for the UI (e.g. 'wrong-passphrase' keeps the file chosen).
 */

const CHOOSE = 'Choose an ff2api_backup_….json file.';
const KEPT = 'Nothing was changed.';

export const READ_MESSAGES = {
  tooBig: (limitMb: number) =>
    `This file holds more than ${Math.round(limitMb / 1024)} GB of backup text, the most a backup file can be, so it was not read. ${KEPT} ${CHOOSE}`,
  valueTooBig: `This file holds a single entry larger than 256 MB, which no FF2API backup has, so it was not read. ${KEPT} ${CHOOSE}`,
  badGzip: `This compressed (.gz) file is damaged and cannot be decompressed. ${KEPT} Choose another copy of the backup.`,
  gzipDamagedAt: (where: string) =>
    `This compressed (.gz) file is damaged ${where}, so it cannot be decompressed. ${KEPT} Choose another copy of the backup.`,
  gzipEndsEarly: (size: string) =>
    `This compressed (.gz) file ends after ${size} bytes, before its compressed data is complete — was the download interrupted? ${KEPT} Download or copy the backup again.`,
  gzipCheck: (from: string) =>
    `This compressed (.gz) file is damaged: what it decompresses to does not match the check values at its end (from byte ${from}), so its contents cannot be trusted. ${KEPT} Choose another copy of the backup.`,
  gzipAfterEnd: (extra: string, from: string) =>
    `This compressed (.gz) file has ${extra} bytes added after its end (from byte ${from}), so it is not the file as it was written. ${KEPT} Choose another copy of the backup.`,
  inflatesTooMuch: (limitMb: string, ratio: number) =>
    `This file’s contents expand to more than ${limitMb} MB when decompressed, over ${ratio} times the file’s own size, which no FF2API backup does: the file is damaged or made to exhaust this browser’s memory, so it was not read. ${KEPT} Choose another copy of the backup.`,
  tooLargeForBrowser: `This backup is too large for the memory this browser gives the page, so it was not restored. ${KEPT} Close other tabs and try again, or restore on a computer with more memory.`,
  ourMarksDamaged: `This file carries the marks of an FF2API Web backup, but its header is damaged, so its checksum cannot be trusted. ${KEPT} Choose an untouched copy of the backup.`,
  empty: `This file is empty, so it is not a backup. ${KEPT} ${CHOOSE}`,
  zip: `This is a zip archive, not a backup file. ${KEPT} Unzip it first, then choose the .json file inside.`,
  gzip: `This is a compressed (.gz) file, not a backup file. ${KEPT} Decompress it first, then choose the .json file.`,
  notText: `This file is not a backup: it is not text (it looks like a picture, spreadsheet or other binary file). ${KEPT} ${CHOOSE}`,
  truncated: `This file is not a backup: it is not valid JSON (it ends too early — was the download interrupted?). ${KEPT} ${CHOOSE}`,
  notJson: (where: string) => `This file is not a backup: it is not valid JSON (${where}). ${KEPT} ${CHOOSE}`,
  notObject: (what: string) =>
    `This file is not a backup: it holds ${what} instead of a backup's sections. ${KEPT} ${CHOOSE}`,
  unknownShape: `This file is not an FF2API backup: it has none of the sections a backup has (backup_info, brokerage_configurations, upload_history). ${KEPT} ${CHOOSE}`,
  newerVersion: (version: string) =>
    `This backup was made by a newer version of FF2API Web (file format ${version}), which this version cannot read safely. ${KEPT} Reload the page to update FF2API Web, then try again.`,
  newerSchema: (schema: number, ours: number) =>
    `This backup was made by a newer version of FF2API Web (database schema ${schema}; this version knows ${ours}), which this version cannot read safely. ${KEPT} Reload the page to update FF2API Web, then try again.`,
  unknownVersion: (version: string) =>
    `This backup says it is format version ${version}, which FF2API Web never wrote. ${KEPT} ${CHOOSE}`,
  invalid: (count: number) =>
    `This backup cannot be restored: it has ${count === 1 ? '1 problem' : `${count.toLocaleString('en-US')} problems`} (listed below). ${KEPT} Choose another backup, or correct the file where shown.`,
  counts: `This backup does not hold the rows it says it holds (its counts disagree with its contents), so it is incomplete or was changed. ${KEPT} Choose an untouched copy of the backup.`,
  checksum: `This backup was changed after it was written: its contents do not match its checksum. ${KEPT} Choose an untouched copy of the backup.`,
  fileChecksum: `This backup was changed after it was written: its header (such as when it was made) or its activity log does not match its checksum. ${KEPT} Choose an untouched copy of the backup.`,
  wrongPassphrase: `The passphrase is wrong or the file was changed after it was written. ${KEPT}`,
  sealedCorrupt: `This encrypted backup opened with the passphrase, but its contents are damaged. ${KEPT} Choose another copy of the backup.`,
  unexpected: `The file could not be read because of an unexpected error. ${KEPT} Try again; if it keeps failing, report the details.`,
} as const;

/** A refusal without located problems. */
export function refusal(code: string, message: string, detail?: string): { ok: false; error: AppError } {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

/** A refusal listing the located problems (the first ones in full, then a count). */
export function refusalWithProblems(
  problems: ProblemLog,
  code = 'invalid-backup',
  message = READ_MESSAGES.invalid(problems.count),
): { ok: false; error: AppError } {
  const { problems: shown, moreProblems } = problems.summary();
  return { ok: false, error: { code, message, problems: shown, moreProblems } };
}

/** The refusal of a file whose compressed data inflates past what its size allows. */
export function inflateRefusal(error: InflateLimitError): { ok: false; error: AppError } {
  const limitMb = Math.round(error.limit / 1024 / 1024).toLocaleString('en-US');
  return refusal('inflates-too-much', READ_MESSAGES.inflatesTooMuch(limitMb, MAX_INFLATE_RATIO), error.message);
}
