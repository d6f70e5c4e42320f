/**
 * Object names as paths in a folder: each "/" is a sub-folder, the last part the file's name. The
 * walk lists the files under a prefix the way S3 lists keys — full names, sorted — and never shows
 * what is not an object: this store's own half-written files, the browser's swap files, and the
 * hidden files sync agents and operating systems leave (".dropbox", ".DS_Store", "desktop.ini").
 */

/** The suffix of a file being written; it is renamed to its object name once complete. */
export const PARTIAL_SUFFIX = '.ff2api-partial';

/** The parts of an object name, or null when a folder cannot hold it as a path. */
export function nameParts(name: string): string[] | null {
  const parts = name.split('/');
  // A hidden part would hide the object from every listing (the walk skips hidden files and folders).
  const usable = parts.every((part) => part !== '' && part !== '..' && !part.includes('\\') && !isHidden(part));
  if (!usable) return null;
  return parts;
}

/** Files and folders that are never objects of the store. */
export function isHidden(fileName: string): boolean {
  return (
    fileName.startsWith('.') ||
    fileName.startsWith('~') ||
    fileName.endsWith(PARTIAL_SUFFIX) ||
    fileName.endsWith('.crswap') ||
    fileName.toLowerCase() === 'desktop.ini'
  );
}

type Entries = AsyncIterable<[string, FileSystemHandle]>;

/** The folder for a name's parent parts; `create` makes the missing ones. */
export async function folderAt(
  root: FileSystemDirectoryHandle,
  parts: string[],
  create: boolean,
): Promise<FileSystemDirectoryHandle> {
  let folder = root;
  for (const part of parts) folder = await folder.getDirectoryHandle(part, { create });
  return folder;
}

/**
 * Every object file whose full name starts with `prefix`, with its handle. Only the folders a
 * matching name can lie in are opened.
 */
export async function filesUnder(
  root: FileSystemDirectoryHandle,
  prefix: string,
): Promise<{ name: string; handle: FileSystemFileHandle }[]> {
  const found: { name: string; handle: FileSystemFileHandle }[] = [];
  const visit = async (folder: FileSystemDirectoryHandle, path: string): Promise<void> => {
    for await (const [entryName, handle] of (folder as unknown as { entries(): Entries }).entries()) {
      if (isHidden(entryName)) continue;
      const full = `${path}${entryName}`;
      if (handle.kind === 'directory') {
        const inside = `${full}/`;
        if (inside.startsWith(prefix) || prefix.startsWith(inside)) {
          await visit(handle as FileSystemDirectoryHandle, inside);
        }
      } else if (full.startsWith(prefix)) {
        found.push({ name: full, handle: handle as FileSystemFileHandle });
      }
    }
  };
  // Start in the deepest folder the prefix names whole; a missing one holds nothing.
  const fixed = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const start = await folderAt(root, fixed.split('/').filter(Boolean), false).catch((error: unknown) => {
    if (error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError')) {
      return null;
    }
    throw error;
  });
  if (start) await visit(start, fixed);
  else await assertReadable(root);
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Throws (NotFoundError) when the folder itself is gone, as a listing of a missing folder does. */
async function assertReadable(folder: FileSystemDirectoryHandle): Promise<void> {
  for await (const entry of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
    if (entry) break;
  }
}
