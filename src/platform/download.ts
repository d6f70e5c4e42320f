/** Hands a file to the browser's download machinery (file-saver). */
import { saveAs } from 'file-saver';

/** Starts the download of `file` as `fileName`. */
export function downloadFile(file: Blob, fileName: string): void {
  saveAs(file, fileName);
}
