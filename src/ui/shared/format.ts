/** Small display helpers shared by the sidebar and the main area. */

// Formatters are built once: `toLocaleString` builds a new Intl formatter on every call, which
// showed up as the main thread's largest cost when a page of history re-renders.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US');
const TIME_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** 12345 → "12,345". */
export function formatCount(count: number): string {
  return NUMBER_FORMAT.format(count);
}

/** "1 upload" / "3 uploads". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${NUMBER_FORMAT.format(count)} ${count === 1 ? singular : pluralForm}`;
}

/** A duration in hours as people say it: "5 min", "3 h", "2 days 4 h". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.floor(hours)} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.floor(hours - days * 24);
  return rest === 0 ? `${days} days` : `${days} days ${rest} h`;
}

/** A stored ISO time in the user's local time zone, e.g. "Nov 22, 2026, 5:00 PM"; unparseable text as is. */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME_FORMAT.format(date);
}

/** Bytes as kB / MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
