import { lazyModule } from './lazy-import';

/**
 * Reads the first sheet of an .xlsx workbook with read-excel-file, loaded only when such a file is
 * chosen: the reader stays out of the main bundles (it is a lazy chunk of the worker).
 */
const loadReader = lazyModule(() => import('read-excel-file/web-worker'));

/** The rows of the first sheet, cells as the library gives them (text, numbers, dates, booleans). */
export async function readFirstSheet(bytes: ArrayBuffer): Promise<unknown[][]> {
  const reader = await loadReader();
  // The caller turns a throw into the file's plain "could not be read" message.
  if (!reader.ok) throw new Error(reader.error.message);
  return await reader.value.readSheet(bytes);
}
