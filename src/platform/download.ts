/** Hands a file to the browser's download machinery (file-saver). */
import { saveAs } from 'file-saver';

/** Starts the download of `bytes` as `fileName`. */
export function downloadFile(bytes: Uint8Array, fileName: string, type = 'application/json'): void {
  saveAs(new Blob([bytes as BlobPart], { type }), fileName);
}
