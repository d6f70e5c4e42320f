/**
 * The team's backup folder, through the File System Access API (Chromium and Edge). The page
 * holds the folder: asking for permission needs a click, which a worker cannot receive. The
 * handle is kept in IndexedDB ("ff2api-web-folder", store "handles", key "backup-folder") so the
 * folder is chosen once; after a restart the browser may ask again (`Reconnect backup folder`).
 * Every failure comes back as a value with its kind — folder gone, permission, disk full — and a
 * message for people.
 */
import { describeThrown } from '../core/result';

const IDB_NAME = 'ff2api-web-folder';
const HANDLE_KEY = 'backup-folder';

export type FolderFailureKind = 'gone' | 'permission' | 'full' | 'failed';
export interface FolderFailure {
  kind: FolderFailureKind;
  message: string;
  detail: string;
}
export type FolderResult<T> = { ok: true; value: T } | { ok: false; failure: FolderFailure };

const MESSAGES: Record<FolderFailureKind, string> = {
  gone: 'The backup folder (or a folder inside it) is no longer there — it may have been moved, renamed or disconnected. Nothing was lost: the files already in it are untouched. Choose the backup folder again.',
  permission:
    'The browser did not allow writing into the backup folder. Nothing was lost. Press “Reconnect backup folder” and allow access.',
  full: 'The disk holding the backup folder is full, so the file could not be written. Nothing was lost: the earlier files are untouched. Free some space, then try again.',
  failed:
    'The file could not be written into the backup folder. Nothing was lost: the earlier files are untouched. Try again, or download the backup instead.',
};

type Access = 'granted' | 'prompt' | 'denied';
interface PermissionMethods {
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<Access>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<Access>;
}
type Picker = (options: { id?: string; mode: 'readwrite' }) => Promise<FileSystemDirectoryHandle>;

/** Whether this browser can write into a folder the user picks. */
export function isFolderApiAvailable(): boolean {
  return typeof (globalThis as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';
}

/** Asks the user to pick a folder (the picker opens where it was last for `pickerId`); null when cancelled. */
export async function pickFolder(pickerId = 'ff2api-backups'): Promise<FolderResult<FileSystemDirectoryHandle | null>> {
  const picker = (globalThis as { showDirectoryPicker?: Picker }).showDirectoryPicker;
  if (!picker) return failure('failed', new Error('showDirectoryPicker is not available'));
  try {
    return { ok: true, value: await picker({ id: pickerId, mode: 'readwrite' }) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { ok: true, value: null };
    return failure(kindOf(error), error);
  }
}

/** The folder chosen earlier in this browser, if any. */
export function loadSavedFolder(): Promise<FileSystemDirectoryHandle | null> {
  return loadSavedHandle(HANDLE_KEY);
}

/** Remembers the folder for the next visits. */
export function saveFolder(handle: FileSystemDirectoryHandle): Promise<void> {
  return saveHandle(HANDLE_KEY, handle);
}

/** A folder kept under `key` (the backup folder, the team's shared folder); readable in a worker too. */
export async function loadSavedHandle(key: string): Promise<FileSystemDirectoryHandle | null> {
  try {
    const value = await inHandleStore('readonly', (store) => store.get(key));
    return value instanceof FileSystemDirectoryHandle ? value : null;
  } catch {
    return null;
  }
}

export async function saveHandle(key: string, handle: FileSystemDirectoryHandle): Promise<void> {
  await inHandleStore('readwrite', (store) => store.put(handle, key));
}

/** Whether the page may write into the folder now, without asking. */
export async function queryAccess(handle: FileSystemDirectoryHandle): Promise<Access> {
  const methods = handle as unknown as PermissionMethods;
  try {
    return methods.queryPermission ? await methods.queryPermission({ mode: 'readwrite' }) : 'granted';
  } catch {
    return 'prompt';
  }
}

/** Asks for access; call it from a click (browsers refuse otherwise). */
export async function requestAccess(handle: FileSystemDirectoryHandle): Promise<Access> {
  const methods = handle as unknown as PermissionMethods;
  try {
    return methods.requestPermission ? await methods.requestPermission({ mode: 'readwrite' }) : 'granted';
  } catch {
    return 'denied';
  }
}

/** A folder inside the backup folder (created when missing, e.g. "daily"). */
export async function subfolder(
  root: FileSystemDirectoryHandle,
  name: string,
): Promise<FolderResult<FileSystemDirectoryHandle>> {
  try {
    return { ok: true, value: await root.getDirectoryHandle(name, { create: true }) };
  } catch (error) {
    return failure(kindOf(error), error);
  }
}

/** Names of the files directly in a folder (not of folders). */
export async function listFiles(dir: FileSystemDirectoryHandle): Promise<FolderResult<string[]>> {
  try {
    const names: string[] = [];
    for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
      if (entry.kind === 'file') names.push(entry.name);
    }
    return { ok: true, value: names.sort() };
  } catch (error) {
    return failure(kindOf(error), error);
  }
}

/**
 * Writes a file. The browser writes into a temporary file and only a complete write replaces the
 * name, so a write that fails half-way leaves nothing under it; an empty file created for the
 * attempt is removed again.
 */
export async function writeFile(
  dir: FileSystemDirectoryHandle,
  name: string,
  contents: Blob,
): Promise<FolderResult<File>> {
  const existed = await exists(dir, name);
  let writable: FileSystemWritableFileStream | null = null;
  try {
    const handle = await dir.getFileHandle(name, { create: true });
    writable = await handle.createWritable();
    await writable.write(contents);
    await writable.close();
    writable = null;
    return { ok: true, value: await handle.getFile() };
  } catch (error) {
    await writable?.abort().catch(() => undefined);
    if (!existed) await dir.removeEntry(name).catch(() => undefined);
    return failure(kindOf(error), error);
  }
}

/** Reads a file of a folder. */
export async function readFile(dir: FileSystemDirectoryHandle, name: string): Promise<FolderResult<File>> {
  try {
    return { ok: true, value: await (await dir.getFileHandle(name)).getFile() };
  } catch (error) {
    return failure(kindOf(error), error);
  }
}

/** Deletes one file, by its exact name. */
export async function removeFile(dir: FileSystemDirectoryHandle, name: string): Promise<FolderResult<void>> {
  try {
    await dir.removeEntry(name);
    return { ok: true, value: undefined };
  } catch (error) {
    return failure(kindOf(error), error);
  }
}

async function exists(dir: FileSystemDirectoryHandle, name: string): Promise<boolean> {
  try {
    await dir.getFileHandle(name);
    return true;
  } catch {
    return false;
  }
}

function kindOf(error: unknown): FolderFailureKind {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotFoundError') return 'gone';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'permission';
  if (name === 'QuotaExceededError') return 'full';
  return 'failed';
}

function failure<T>(kind: FolderFailureKind, error: unknown): FolderResult<T> {
  return { ok: false, failure: { kind, message: MESSAGES[kind], detail: describeThrown(error) } };
}

/**
 * One request in the handle store, resolved when its transaction completed. Plain IndexedDB
 * (opened per call, then closed): two requests in all do not need idb in the page's bundle.
 */
function inHandleStore(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(IDB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('handles');
    open.onerror = () => reject(open.error ?? new Error('the folder handle store could not be opened'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('handles', mode);
      const req = request(tx.objectStore('handles'));
      tx.oncomplete = () => {
        db.close();
        resolve(req.result);
      };
      tx.onabort = tx.onerror = () => {
        db.close();
        reject(tx.error ?? req.error ?? new Error('the folder handle store refused the request'));
      };
    };
  });
}
