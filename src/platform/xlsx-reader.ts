/**
 * Reads the first sheet of an .xlsx workbook with read-excel-file, imported only when such a file
 * is chosen: the reader stays out of the main bundles (it is a lazy chunk of the worker).
 */

/** The rows of the first sheet, cells as the library gives them (text, numbers, dates, booleans). */
export async function readFirstSheet(bytes: ArrayBuffer): Promise<unknown[][]> {
  const { readSheet } = await import('read-excel-file/web-worker');
  return await readSheet(bytes);
}
