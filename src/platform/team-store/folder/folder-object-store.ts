import type {
  ByteRange,
  ListOptions,
  ListPage,
  ObjectInfo,
  ObjectStore,
  PutBody,
  PutOptions,
  PutOutcome,
  StoredObject,
  StoreResult,
} from '../../../core/team-store/object-store';
import { storeError, storeFailure } from '../../../core/team-store/store-errors';
import { folderError, folderGone, isNotFound } from './folder-errors';
import { filesUnder, folderAt, nameParts, PARTIAL_SUFFIX } from './folder-paths';

/**
 * The team store in a folder the team shares (File System Access: a folder OneDrive, Dropbox or
 * Google Drive keeps alike on every computer, or a network share). Object names are paths; a
 * listing walks the sub-folders and sorts full names as S3 does.
 *
 * A sync agent may copy a file while it is being written, so a file is written under a hidden
 * temporary name and renamed into place only once complete: an object's name never shows
 * half-written bytes. The etag is the file's size and modification time (no digest of large files).
 *
 * What a synced folder cannot guarantee: `ifNoneMatch: '*'` is checked in this folder only — a
 * teammate's file of the same name may still be on its way, and the agent then keeps one of the two
 * or adds a "conflicted copy". Listings lag behind teammates by the agent's delay. The protocol
 * relies on neither: every browser writes only names of its own, and conflicted copies are not
 * names it reads.
 */
export class FolderObjectStore implements ObjectStore {
  constructor(private readonly root: FileSystemDirectoryHandle) {}

  async put(name: string, body: PutBody, options: PutOptions = {}): Promise<StoreResult<PutOutcome>> {
    const parts = nameParts(name);
    if (!parts) return storeFailure(storeError('server', `put ${name}: not a file path a folder can hold`));
    const leaf = parts.pop() as string;
    try {
      const folder = await folderAt(this.root, parts, true);
      const taken = () => fileIn(folder, leaf).then((file) => file !== null);
      if (options.ifNoneMatch === '*' && (await taken())) return this.taken(name);
      const tempName = `.${leaf}.${crypto.randomUUID()}${PARTIAL_SUFFIX}`;
      const temp = await folder.getFileHandle(tempName, { create: true });
      try {
        await writeWhole(temp, body);
        if (options.ifNoneMatch === '*' && (await taken())) {
          await folder.removeEntry(tempName);
          return this.taken(name);
        }
        await moveInto(temp, folder, leaf);
      } catch (error) {
        await folder.removeEntry(tempName).catch(() => undefined);
        throw error;
      }
      const file = await (await folder.getFileHandle(leaf)).getFile();
      return { ok: true, value: { etag: etagOf(file), size: file.size } };
    } catch (error) {
      return storeFailure(folderError(error, `put ${name}`));
    }
  }

  async get(name: string, range?: ByteRange): Promise<StoreResult<StoredObject>> {
    const found = await this.file(name, 'get');
    if (!found.ok) return found;
    const file = found.value;
    const bytes = range ? file.slice(range.start, range.end + 1) : file;
    return { ok: true, value: { body: bytes.stream(), size: file.size, etag: etagOf(file) } };
  }

  async head(name: string): Promise<StoreResult<ObjectInfo>> {
    const found = await this.file(name, 'head');
    return found.ok ? { ok: true, value: infoOf(name, found.value) } : found;
  }

  async list(prefix: string, options: ListOptions = {}): Promise<StoreResult<ListPage>> {
    try {
      const after = options.continuation;
      const names = (await filesUnder(this.root, prefix)).filter((f) => after === undefined || f.name > after);
      const size = Math.max(1, Math.min(options.pageSize ?? 1000, 1000));
      const objects: ObjectInfo[] = [];
      for (const entry of names.slice(0, size)) {
        // A file a sync agent removed since the walk is simply not listed.
        const file = await fileOrNull(() => entry.handle.getFile());
        if (file) objects.push(infoOf(entry.name, file));
      }
      const last = names[size - 1];
      return { ok: true, value: names.length > size && last ? { objects, continuation: last.name } : { objects } };
    } catch (error) {
      if (isNotFound(error)) return storeFailure(folderGone(`list ${prefix}: the folder is missing`));
      return storeFailure(folderError(error, `list ${prefix}`));
    }
  }

  /** Deleting a missing file succeeds, as S3 does; the emptied sub-folders stay (they list nothing). */
  async delete(name: string): Promise<StoreResult<void>> {
    const parts = nameParts(name);
    if (!parts) return { ok: true, value: undefined };
    const leaf = parts.pop() as string;
    try {
      const folder = await folderAt(this.root, parts, false);
      await folder.removeEntry(leaf);
    } catch (error) {
      if (!isNotFound(error)) return storeFailure(folderError(error, `delete ${name}`));
    }
    return { ok: true, value: undefined };
  }

  private async file(name: string, call: string): Promise<StoreResult<File>> {
    const parts = nameParts(name);
    if (!parts) return storeFailure(storeError('not-found', `${call} ${name}: not a file path`));
    const leaf = parts.pop() as string;
    try {
      const file = await fileIn(await folderAt(this.root, parts, false), leaf);
      return file ? { ok: true, value: file } : storeFailure(storeError('not-found', `${call} ${name}`));
    } catch (error) {
      return storeFailure(folderError(error, `${call} ${name}`));
    }
  }

  private taken(name: string): StoreResult<never> {
    return storeFailure(storeError('precondition-failed', `put ${name}: a file of this name is in the folder`));
  }
}

function fileIn(folder: FileSystemDirectoryHandle, leaf: string): Promise<File | null> {
  return fileOrNull(async () => (await folder.getFileHandle(leaf)).getFile());
}

async function fileOrNull(read: () => Promise<File>): Promise<File | null> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function writeWhole(handle: FileSystemFileHandle, body: PutBody): Promise<void> {
  const writable = await handle.createWritable();
  if (body instanceof ReadableStream) return body.pipeTo(writable);
  try {
    await writable.write(body as FileSystemWriteChunkType);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

type Movable = FileSystemFileHandle & { move?: (folder: FileSystemDirectoryHandle, name: string) => Promise<void> };

/** Renames the finished file to its object name (replacing an earlier file of that name). */
async function moveInto(temp: FileSystemFileHandle, folder: FileSystemDirectoryHandle, leaf: string): Promise<void> {
  const movable = temp as Movable;
  if (typeof movable.move === 'function') return movable.move(folder, leaf);
  // Without `move`, copy: the browser writes a file's new content aside and swaps it in on close.
  await writeWhole(await folder.getFileHandle(leaf, { create: true }), await temp.getFile());
  await folder.removeEntry(temp.name);
}

function etagOf(file: File): string {
  return `${file.size.toString(16)}-${file.lastModified.toString(16)}`;
}

function infoOf(name: string, file: File): ObjectInfo {
  return { name, size: file.size, lastModified: new Date(file.lastModified).toISOString(), etag: etagOf(file) };
}
