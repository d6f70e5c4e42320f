import { createContext } from 'react';
import { downloadFile } from '../../platform/download';

/** How the UI hands a file to the browser; component tests provide a recorder instead. */
export type DownloadFile = (bytes: Uint8Array, fileName: string) => void;

export const DownloadContext = createContext<DownloadFile>(downloadFile);
