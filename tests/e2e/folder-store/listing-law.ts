import fc from 'fast-check';
import { listAll, type ObjectStore } from '../../../src/core/team-store/object-store';
import { FolderObjectStore } from '../../../src/platform/team-store/folder/folder-object-store';
import { nameParts } from '../../../src/platform/team-store/folder/folder-paths';
import { MemoryObjectStore } from '../../support/memory-object-store';

/**
 * The law a folder's listing keeps: for any set of object names and any prefix, the folder lists
 * exactly what an S3-like store (the in-memory one, which keeps the same contract as the S3 client)
 * lists — same names, same order — and its pages, at any page size, join up to the same list.
 * Names are what a folder can hold: no name is also the folder of another (S3 allows that; the
 * protocol's names never do), lower case (many folders ignore case).
 */

const segment = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '-', '_', '.'), minLength: 1, maxLength: 3 });
const objectName = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const nameSet = fc
  .uniqueArray(objectName, { minLength: 1, maxLength: 12 })
  .map((names) => names.filter((name) => nameParts(name) !== null))
  .filter((names) => names.length > 0 && !names.some((a) => names.some((b) => b.startsWith(`${a}/`))));

async function pagedNames(store: ObjectStore, prefix: string, pageSize: number): Promise<string[]> {
  const names: string[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.list(prefix, continuation === undefined ? { pageSize } : { pageSize, continuation });
    if (!page.ok) throw new Error(`list ${prefix}: ${page.error.detail}`);
    names.push(...page.value.objects.map((o) => o.name));
    continuation = page.value.continuation;
  } while (continuation !== undefined);
  return names;
}

export async function folderListingLaw(freshFolder: () => Promise<FileSystemDirectoryHandle>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(nameSet, fc.nat(20), fc.integer({ min: 1, max: 5 }), async (names, cut, pageSize) => {
      const folder = new FolderObjectStore(await freshFolder());
      const memory = new MemoryObjectStore();
      for (const name of names) {
        const bytes = new TextEncoder().encode(name);
        const put = await folder.put(name, bytes);
        if (!put.ok) throw new Error(`put ${name}: ${put.error.detail}`);
        await memory.put(name, bytes);
      }
      // Prefixes that end mid-segment, at a "/", or match nothing.
      const source = names[cut % names.length] ?? '';
      for (const prefix of ['', source.slice(0, cut % (source.length + 1)), `${source}/`, 'zz']) {
        const [fromFolder, fromMemory] = [await listAll(folder, prefix), await listAll(memory, prefix)];
        const seen = fromFolder.ok ? fromFolder.value.map((o) => o.name) : fromFolder.error.code;
        const expected = fromMemory.ok ? fromMemory.value.map((o) => o.name) : fromMemory.error.code;
        if (JSON.stringify(seen) !== JSON.stringify(expected)) {
          throw new Error(`prefix "${prefix}": folder ${JSON.stringify(seen)}, S3-like ${JSON.stringify(expected)}`);
        }
        const paged = await pagedNames(folder, prefix, pageSize);
        if (JSON.stringify(paged) !== JSON.stringify(expected)) {
          throw new Error(`prefix "${prefix}", pages of ${pageSize}: ${JSON.stringify(paged)}`);
        }
      }
    }),
    { numRuns: 30, seed: 20261207 },
  );
}
