/**
 * How long the app may sit idle before it locks itself: a preference of this browser
 * (localStorage), not data. Default 8 hours.
 */
const STORAGE_KEY = 'ff2api-web.auto-lock-minutes';

/** The idle times offered, in minutes, with their labels. */
export const IDLE_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
  { minutes: 480, label: '8 hours' },
  { minutes: 1440, label: '24 hours' },
];

export const DEFAULT_IDLE_MINUTES = 480;

/** The chosen idle time in minutes (the default when none or an unknown one is stored). */
export function readIdleMinutes(): number {
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return IDLE_CHOICES.some((choice) => choice.minutes === stored) ? stored : DEFAULT_IDLE_MINUTES;
  } catch {
    return DEFAULT_IDLE_MINUTES;
  }
}

/** Remembers the idle time and tells this page's idle timer. */
export function storeIdleMinutes(minutes: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(minutes));
  } catch {
    // Storage blocked: the choice still holds for this page.
  }
  window.dispatchEvent(new Event(IDLE_CHANGED_EVENT));
}

/** Fired on window when the idle time changed in this page. */
export const IDLE_CHANGED_EVENT = 'ff2api-idle-minutes-changed';
