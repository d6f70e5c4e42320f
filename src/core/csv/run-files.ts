/** Names of the files a processing run offers for download, and the column its failed rows add. */

/** The name of the added column; a file that already has one gets `ff2api_error`. */
export function errorColumnName(header: readonly string[]): string {
  return header.some((name) => name.trim().toLowerCase() === 'error') ? 'ff2api_error' : 'error';
}

/** `failed_rows_YYYYMMDD_HHMMSS.csv` and friends, in local time. */
export function runFileName(
  prefix: 'processing_report' | 'failed_rows' | 'successful_rows',
  at: Date,
  extension: 'json' | 'csv',
): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${prefix}_${date}_${time}.${extension}`;
}
