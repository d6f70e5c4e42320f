import type { Page } from '@playwright/test';

/**
 * The backup folder in tests: Origin Private File System stands in for the folder a user picks
 * (a headless browser cannot answer `showDirectoryPicker`, Playwright #8850). The init script
 * makes the picker return `ff2api_backups` inside OPFS — a real FileSystemDirectoryHandle, kept
 * in IndexedDB like a picked one — and lets a test inject the faults a real folder has:
 * `__folderFault = 'half-way' | 'full'` fails the next write; `setFolderPermission` overrides
 * what the browser answers about access (kept in sessionStorage, so it outlives a reload).
 */
export const FOLDER_NAME = 'ff2api_backups';

/** Installs the folder stand-in; call before `page.goto`. */
export async function installOpfsFolder(page: Page): Promise<void> {
  await page.addInitScript((folderName: string) => {
    const w = window as unknown as Record<string, unknown>;
    w.showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true });
    const proto = FileSystemWritableFileStream.prototype;
    const realWrite = proto.write;
    proto.write = async function write(this: FileSystemWritableFileStream, data: FileSystemWriteChunkType) {
      const fault = w.__folderFault;
      if (fault === 'half-way') {
        w.__folderFault = null;
        const blob = data instanceof Blob ? data : new Blob([data as BlobPart]);
        await realWrite.call(this, blob.slice(0, Math.floor(blob.size / 2)));
        throw new DOMException('Simulated: the write stopped half-way', 'InvalidStateError');
      }
      if (fault === 'full') {
        w.__folderFault = null;
        throw new DOMException('Simulated: the disk is full', 'QuotaExceededError');
      }
      return realWrite.call(this, data);
    };
    const handleProto = FileSystemHandle.prototype as unknown as Record<
      string,
      (...args: unknown[]) => Promise<string>
    >;
    for (const method of ['queryPermission', 'requestPermission']) {
      const real = handleProto[method];
      if (!real) continue;
      handleProto[method] = async function permission(this: FileSystemHandle, ...args: unknown[]) {
        const forced = sessionStorage.getItem('test-folder-permission');
        return forced ? forced : real.apply(this, args);
      };
    }
  }, FOLDER_NAME);
}

/** Files of one folder inside the backup folder ('daily', 'emergency', 'archive'), sorted. */
export async function folderFiles(page: Page, dir: string): Promise<string[]> {
  return page.evaluate(
    async ([folderName, name]) => {
      const root = await (
        await navigator.storage.getDirectory()
      ).getDirectoryHandle(folderName as string, { create: true });
      const sub = await root.getDirectoryHandle(name as string, { create: true });
      const names: string[] = [];
      for await (const entry of (sub as unknown as { values(): AsyncIterable<FileSystemHandle> }).values())
        names.push(entry.name);
      return names.sort();
    },
    [FOLDER_NAME, dir],
  );
}

/** The text of a file in the backup folder. */
export async function readFolderFile(page: Page, dir: string, name: string): Promise<string> {
  return page.evaluate(
    async ([folderName, d, n]) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(folderName as string);
      const file = await (await (await root.getDirectoryHandle(d as string)).getFileHandle(n as string)).getFile();
      return file.text();
    },
    [FOLDER_NAME, dir, name],
  );
}

/** Puts files into the backup folder, as the team's earlier backups (or someone's stray files). */
export async function putFolderFiles(page: Page, dir: string, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ([folderName, d, entries]) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true });
      const sub = await root.getDirectoryHandle(d, { create: true });
      for (const [name, text] of Object.entries(entries)) {
        const writable = await (await sub.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    [FOLDER_NAME, dir, files] as const,
  );
}

/** What the browser answers about access to the folder from now on (null: the real answer). */
export async function setFolderPermission(page: Page, answer: 'prompt' | 'denied' | 'granted' | null): Promise<void> {
  await page.evaluate((value) => {
    if (value === null) sessionStorage.removeItem('test-folder-permission');
    else sessionStorage.setItem('test-folder-permission', value);
  }, answer);
}

/** Sets the fault the next folder write meets. */
export async function injectFolderFault(page: Page, fault: 'half-way' | 'full'): Promise<void> {
  await page.evaluate((f) => {
    (window as unknown as Record<string, unknown>).__folderFault = f;
  }, fault);
}

/** `ff2api_backup_YYYYMMDD_HHMMSS.json` for a local time (the browser runs in UTC in these tests). */
export function dailyName(at: Date, prefix = 'ff2api_backup'): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${prefix}_${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}_${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}.json`;
}
