import { useCallback, useEffect, useState } from 'react';
import type { FolderState } from '../../core/snapshots/health';
import {
  isFolderApiAvailable,
  loadSavedFolder,
  pickFolder,
  queryAccess,
  requestAccess,
  saveFolder,
  type FolderFailure,
} from '../../platform/backup-folder';

/** The backup folder as the page holds it: the handle, and whether we may write into it now. */
export interface BackupFolder {
  isSupported: boolean;
  handle: FileSystemDirectoryHandle | null;
  access: 'granted' | 'prompt' | 'denied' | null;
  /** For health: unsupported, not chosen, connected, or needing a click to reconnect. */
  state: FolderState;
  /** `Choose backup folder`: the picker; the handle is kept for the next visits. */
  choose: () => Promise<FolderFailure | null>;
  /** `Reconnect backup folder` (from a click): asks the browser for access again. */
  reconnect: () => Promise<boolean>;
  /** Access for a write that a click started: asks when needed; false when refused. */
  ensureAccess: () => Promise<boolean>;
}

/** Loads the kept folder and tracks its permission. */
export function useBackupFolder(): BackupFolder {
  const isSupported = isFolderApiAvailable();
  const [handle, setHandle] = useState<FileSystemDirectoryHandle | null>(null);
  const [access, setAccess] = useState<BackupFolder['access']>(null);

  useEffect(() => {
    if (!isSupported) return;
    let isCurrent = true;
    void loadSavedFolder().then(async (saved) => {
      if (!isCurrent || !saved) return;
      setHandle(saved);
      setAccess(await queryAccess(saved));
    });
    return () => {
      isCurrent = false;
    };
  }, [isSupported]);

  const choose = useCallback(async () => {
    const picked = await pickFolder();
    if (!picked.ok) return picked.failure;
    if (!picked.value) return null;
    await saveFolder(picked.value).catch(() => undefined);
    setHandle(picked.value);
    setAccess(await queryAccess(picked.value));
    return null;
  }, []);

  const reconnect = useCallback(async () => {
    if (!handle) return false;
    const next = await requestAccess(handle);
    setAccess(next);
    return next === 'granted';
  }, [handle]);

  const ensureAccess = useCallback(async () => {
    if (!handle) return false;
    const now = await queryAccess(handle);
    if (now === 'granted') return true;
    return reconnect();
  }, [handle, reconnect]);

  const state: FolderState = !isSupported
    ? 'unsupported'
    : handle === null
      ? 'not-chosen'
      : access === 'granted'
        ? 'connected'
        : 'needs-reconnect';
  return { isSupported, handle, access, state, choose, reconnect, ensureAccess };
}
