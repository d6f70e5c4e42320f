/** "Your name" for the activity log, remembered in this browser (localStorage: a preference, not data). */
const STORAGE_KEY = 'ff2api-web.operator-name';

/** The name stored in this browser, or '' when none (or storage is blocked). */
export function readOperatorName(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the name; storage blocked means it applies to this tab only. */
export function storeOperatorName(name: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, name);
  } catch {
    // Storage blocked: the name still applies to this tab.
  }
}
