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

/** Bytes as people read them: "830 bytes", "12 kB", "1.4 MB", "200 MB" (no ".0", whole from 10 up). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${roundSize(bytes / 1024)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${roundSize(bytes / 1024 / 1024)} MB`;
  return `${roundSize(bytes / 1024 / 1024 / 1024)} GB`;
}

function roundSize(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/**
 * The counts people care about, in plain words: "2 brokerages, 3 configurations, 340 uploads", "1 brokerage, no
 * configurations yet".
 */
export function describeCounts(counts: {
  brokerages: number;
  brokerage_configurations: number;
  upload_history: number;
}): string {
  const brokerages = counts.brokerages === 0 ? 'no brokerages' : plural(counts.brokerages, 'brokerage');
  const configurations =
    counts.brokerage_configurations === 0
      ? 'no configurations yet'
      : plural(counts.brokerage_configurations, 'configuration');
  const uploads = counts.upload_history === 0 ? 'no uploads' : plural(counts.upload_history, 'upload');
  const text = `${brokerages}, ${configurations}, ${uploads}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
