/**
 * Hands a file to the browser's download machinery (file-saver), loaded with the first download:
 * opening the app starts none. A download whose part cannot load says so, so nothing counts a
 * file as saved that never reached the downloads.
 */
import { ok, type Result } from '../core/result';
import { lazyModule } from './lazy-import';

const loadSaver = lazyModule(() => import('file-saver'));

/** Starts the download of `file` as `fileName`. */
export async function downloadFile(file: Blob, fileName: string): Promise<Result<void>> {
  const saver = await loadSaver();
  if (!saver.ok) return saver;
  saver.value.saveAs(file, fileName);
  return ok(undefined);
}
