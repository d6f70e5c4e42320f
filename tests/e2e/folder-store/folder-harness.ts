import { listAll, type ObjectStore } from '../../../src/core/team-store/object-store';
import { FolderObjectStore } from '../../../src/platform/team-store/folder/folder-object-store';
import { objectStoreChecks, type StoreCheck } from '../../support/object-store-checks';
import { folderListingLaw } from './listing-law';

/**
 * The shared-folder store where it runs (a page and a Web Worker in Chromium), over a real
 * FileSystemDirectoryHandle: an Origin Private File System folder, the stand-in for the folder a
 * user picks. The object-store checks every store keeps, then what only a folder has to show, and the
 * listing law (./listing-law.ts). Driven by tests/e2e/folder-object-store.spec.ts.
 */

const text = (value: string) => new TextEncoder().encode(value);

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

async function freshFolder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(`contract-${crypto.randomUUID()}`, { create: true });
}

async function entryNames(folder: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names.sort();
}

async function writeFile(folder: FileSystemDirectoryHandle, name: string, value: string): Promise<void> {
  const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
  await writable.write(value);
  await writable.close();
}

const names = async (store: ObjectStore, prefix: string) => {
  const listed = await listAll(store, prefix);
  return listed.ok ? listed.value.map((o) => o.name) : listed.error.code;
};

type FolderCheck = { name: string; run(folder: FileSystemDirectoryHandle): Promise<void> };

const folderChecks: FolderCheck[] = [
  {
    name: 'names with "/" are sub-folders a sync agent copies as files',
    async run(folder) {
      await new FolderObjectStore(folder).put('team/log/dev-1/0001', text('sealed'));
      const dev = await (
        await (await folder.getDirectoryHandle('team')).getDirectoryHandle('log')
      ).getDirectoryHandle('dev-1');
      expectThat(
        (await entryNames(dev)).join() === '0001',
        `the file is in team/log/dev-1: ${(await entryNames(dev)).join()}`,
      );
    },
  },
  {
    name: 'a name a folder would hide or cannot hold is refused, never stored out of sight',
    async run(folder) {
      const store = new FolderObjectStore(folder);
      for (const name of ['team/.cache/x', 'team/../x', 'team//x', 'team/desktop.ini']) {
        const put = await store.put(name, text('x'));
        expectThat(!put.ok && put.error.code === 'server', `put ${name} refused: ${JSON.stringify(put)}`);
      }
      expectThat((await entryNames(folder)).length === 0, `nothing written: ${(await entryNames(folder)).join()}`);
    },
  },
  {
    name: 'a file still being written is never listed, and is listed once complete',
    async run(folder) {
      const store = new FolderObjectStore(folder);
      let finish: () => void = () => undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(text('first half, '));
          finish = () => {
            controller.enqueue(text('second half'));
            controller.close();
          };
        },
      });
      const putting = store.put('team/big', body);
      const team = await folder.getDirectoryHandle('team', { create: true });
      for (let i = 0; i < 200 && (await entryNames(team)).length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      const during = await entryNames(team);
      expectThat(
        during.length > 0 && !during.includes('big'),
        `only hidden partial files while writing: ${during.join()}`,
      );
      const listed = await names(store, 'team/');
      expectThat(JSON.stringify(listed) === '[]', `nothing listed while writing: ${JSON.stringify(listed)}`);
      finish();
      expectThat((await putting).ok, 'the put succeeds');
      expectThat(
        (await entryNames(team)).join() === 'big',
        `only the object after: ${(await entryNames(team)).join()}`,
      );
      expectThat(JSON.stringify(await names(store, 'team/')) === '["team/big"]', 'listed once complete');
    },
  },
  {
    name: 'files a sync agent brings are objects; its hidden files and swap files are not',
    async run(folder) {
      const team = await folder.getDirectoryHandle('team', { create: true });
      await writeFile(team, 'from-teammate', 'x');
      for (const hidden of ['.dropbox', 'desktop.ini', '.DS_Store', 'x.crswap', '~lock'])
        await writeFile(team, hidden, 'x');
      await writeFile(folder, '.dropbox.cache', 'x');
      const listed = await names(new FolderObjectStore(folder), '');
      expectThat(JSON.stringify(listed) === '["team/from-teammate"]', `listed: ${JSON.stringify(listed)}`);
    },
  },
  {
    name: 'a folder that is gone is "unreachable", saying so; nothing is created in its place',
    async run(folder) {
      const store = new FolderObjectStore(folder);
      await store.put('team/a', text('a'));
      await (await navigator.storage.getDirectory()).removeEntry(folder.name, { recursive: true });
      const listed = await store.list('team/');
      expectThat(!listed.ok && listed.error.code === 'unreachable', `list: ${JSON.stringify(listed)}`);
      expectThat(!listed.ok && /not there any more/.test(listed.error.message), 'the message says the folder is gone');
      const got = await store.get('team/a');
      expectThat(!got.ok && got.error.code === 'not-found', `get: ${JSON.stringify(got)}`);
    },
  },
  {
    name: 'access withdrawn by the browser is "denied", with what to press',
    async run(folder) {
      const refuse = () => Promise.reject(new DOMException('The request is not allowed', 'NotAllowedError'));
      // The browser's refusal after permission is withdrawn, on the real handle's calls.
      const withdrawn = new Proxy(folder, {
        get: (target, key) =>
          ['getDirectoryHandle', 'getFileHandle', 'entries', 'keys', 'removeEntry'].includes(String(key))
            ? refuse
            : Reflect.get(target, key),
      });
      const store = new FolderObjectStore(withdrawn);
      for (const result of [
        await store.put('team/a', text('a')),
        await store.get('team/a'),
        await store.list('team/'),
      ]) {
        expectThat(!result.ok && result.error.code === 'denied', `denied: ${JSON.stringify(result)}`);
        expectThat(!result.ok && /Allow access to the shared folder/.test(result.error.message), 'says what to press');
      }
    },
  },
];

export interface CheckOutcome {
  name: string;
  error?: string;
}

async function outcome(name: string, run: () => Promise<void>): Promise<CheckOutcome> {
  try {
    await run();
    return { name };
  } catch (error) {
    return { name, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function runAll(): Promise<CheckOutcome[]> {
  const results: CheckOutcome[] = [];
  const shared: StoreCheck[] = objectStoreChecks;
  for (const check of shared) {
    const folder = await freshFolder();
    results.push(await outcome(check.name, () => check.run(new FolderObjectStore(folder), 'team/')));
  }
  for (const check of folderChecks) results.push(await outcome(check.name, async () => check.run(await freshFolder())));
  results.push(
    await outcome('lists what an S3-like store lists, for any names and prefix', () => folderListingLaw(freshFolder)),
  );
  return results;
}

if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as { onmessage: () => void; postMessage(value: unknown): void };
  scope.onmessage = () => void runAll().then((results) => scope.postMessage(results));
} else {
  (globalThis as unknown as { folderHarness: { runAll: typeof runAll } }).folderHarness = { runAll };
}
