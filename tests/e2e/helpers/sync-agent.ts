import type { BrowserContext, Page } from '@playwright/test';

/**
 * A synced folder in tests. Two browser contexts cannot share a folder, but a folder synced by
 * OneDrive or Dropbox is two folders kept alike by an agent: each context picks an Origin Private
 * File System folder (`SHARED_FOLDER`), and this agent copies new and changed files each way and
 * carries deletions over, a round every `intervalMs`, as a sync agent does — late, file by file,
 * including the app's half-written temporary files it happens to see.
 */
export const SHARED_FOLDER = 'team_share';

type Files = Record<string, string>;

/** Makes `showDirectoryPicker` return the context's own OPFS folder; a test can make the browser ask again. */
export async function installSharedFolder(context: BrowserContext): Promise<void> {
  await context.addInitScript((folderName: string) => {
    const w = window as unknown as Record<string, unknown>;
    w.showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true });
    // `sessionStorage['test-folder-asks']`: the browser answers "prompt" until someone allows access.
    const proto = FileSystemHandle.prototype as unknown as Record<string, (...args: unknown[]) => Promise<string>>;
    const query = proto.queryPermission;
    const request = proto.requestPermission;
    if (!query || !request) return;
    proto.queryPermission = async function (this: FileSystemHandle, ...args: unknown[]) {
      return sessionStorage.getItem('test-folder-asks') ? 'prompt' : query.apply(this, args);
    };
    proto.requestPermission = async function (this: FileSystemHandle, ...args: unknown[]) {
      sessionStorage.removeItem('test-folder-asks');
      return request.apply(this, args);
    };
  }, SHARED_FOLDER);
}

/** Every file in the page's shared folder, by path, as base64. */
export function readFolder(page: Page): Promise<Files> {
  return page.evaluate(async (folderName) => {
    const files: Record<string, string> = {};
    type Dir = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemHandle]> };
    const visit = async (dir: Dir, path: string) => {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await visit(handle as Dir, `${path}${name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let text = '';
          for (let at = 0; at < bytes.length; at += 0x8000)
            text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
          files[`${path}${name}`] = btoa(text);
        }
      }
    };
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true });
    await visit(root as Dir, '');
    return files;
  }, SHARED_FOLDER);
}

async function writeFile(page: Page, path: string, base64: string | null): Promise<void> {
  await page.evaluate(
    async ([folderName, filePath, content]) => {
      const parts = filePath.split('/');
      const leaf = parts.pop() ?? '';
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true });
      for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
      if (content === null) return dir.removeEntry(leaf).catch(() => undefined);
      const writable = await (await dir.getFileHandle(leaf, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(content), (c) => c.charCodeAt(0)));
      await writable.close();
    },
    [SHARED_FOLDER, path, base64] as const,
  );
}

export class SyncAgent {
  /** What both folders held after the last round, to tell a new file from one deleted on the other side. */
  private readonly synced = new Map<string, string>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly a: Page,
    private readonly b: Page,
    intervalMs = 700,
  ) {
    this.loop = (async () => {
      while (this.running) {
        // A page reloading or closing mid-round: the next round picks up.
        await this.round().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async round(): Promise<void> {
    const [inA, inB] = await Promise.all([readFolder(this.a), readFolder(this.b)]);
    for (const path of new Set([...Object.keys(inA), ...Object.keys(inB)])) {
      const [x, y, before] = [inA[path], inB[path], this.synced.get(path)];
      if (x !== undefined && y !== undefined) {
        if (x !== y) await (x === before ? writeFile(this.a, path, y) : writeFile(this.b, path, x));
        this.synced.set(path, x === before ? y : x);
      } else if (before !== undefined) {
        await writeFile(x === undefined ? this.b : this.a, path, null); // deleted on one side
        this.synced.delete(path);
      } else {
        await (x !== undefined ? writeFile(this.b, path, x) : writeFile(this.a, path, y ?? ''));
        this.synced.set(path, x ?? y ?? '');
      }
    }
  }
}
