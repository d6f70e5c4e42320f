import { loadSavedHandle, pickFolder, queryAccess, requestAccess, saveHandle } from '../../backup-folder';

/**
 * The page's side of the team's shared folder: the person picks it (the picker needs a click), the
 * page keeps its handle in IndexedDB for the worker (`TEAM_FOLDER_KEY`), and asks for access again
 * after a reload when the browser wants a click for it.
 */
export const TEAM_FOLDER_KEY = 'team-store-folder';

export type TeamFolderPick = { ok: true; name: string | null } | { ok: false; message: string };

/** Opens the picker and keeps the chosen folder; `name: null` when the person cancelled. */
export async function pickTeamFolder(): Promise<TeamFolderPick> {
  const picked = await pickFolder('ff2api-team-store');
  if (!picked.ok) return { ok: false, message: picked.failure.message };
  if (!picked.value) return { ok: true, name: null };
  if ((await requestAccess(picked.value)) !== 'granted') {
    return {
      ok: false,
      message: 'The browser did not allow writing into that folder. Choose it again and allow access.',
    };
  }
  await saveHandle(TEAM_FOLDER_KEY, picked.value);
  return { ok: true, name: picked.value.name };
}

/** Whether the worker may use the kept folder now: 'missing' when none is kept in this browser. */
export async function teamFolderAccess(): Promise<'granted' | 'prompt' | 'denied' | 'missing'> {
  const handle = await loadSavedHandle(TEAM_FOLDER_KEY);
  return handle ? queryAccess(handle) : 'missing';
}

/** Asks for access to the kept folder again; call it from a click. */
export async function allowTeamFolder(): Promise<'granted' | 'prompt' | 'denied' | 'missing'> {
  const handle = await loadSavedHandle(TEAM_FOLDER_KEY);
  return handle ? requestAccess(handle) : 'missing';
}
