import { createContext } from 'react';
import type { Result } from '../../core/result';
import { downloadFile } from '../../platform/download';

/** How the UI hands a file to the browser; component tests provide a recorder instead. */
export type DownloadFile = (file: Blob, fileName: string) => Promise<Result<void>>;

export const DownloadContext = createContext<DownloadFile>(downloadFile);
