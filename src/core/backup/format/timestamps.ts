import { MAX_TIME, MIN_TIME } from './limits';

/**
 * Timestamps as files hold them. We store ISO 8601 UTC with milliseconds only. The original wrote
 * three other forms (reference/ff2api-original.md §1): SQLite's CURRENT_TIMESTAMP
 * `YYYY-MM-DD HH:MM:SS`, which is UTC, and Python's naive `datetime.now()` —
 * `YYYY-MM-DDTHH:MM:SS.ffffff` or `YYYY-MM-DD HH:MM:SS.ffffff` — which is the server's local
 * time. Naive local times carry no zone, so they are read in this computer's time zone (the team
 * worked where the server ran) — an assumption the restore preview states.
 */

export interface ParsedTime {
  /** `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  iso: string;
  /** 'local' when the text had no zone and was read in this computer's time zone. */
  zone: 'utc' | 'local';
}

// date, T or space, time, optional fraction, optional Z or ±HH:MM.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;
// What FF2API Web itself writes (toISOString, SQLite strftime('%Y-%m-%dT%H:%M:%fZ')).
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for an ISO 8601 UTC time (`…Z`) of a real calendar date: the only form 2.x files hold.
 * Checked with numbers, not Date objects — a 100k-row file holds 200k of these.
 */
export function isIsoUtc(text: string): boolean {
  if (text.length === 24) {
    const fast = isMillisecondUtc(text);
    if (fast !== undefined) return fast;
  }
  const match = ISO_UTC.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    Number(match[4]) > 23 ||
    Number(match[5]) > 59 ||
    Number(match[6]) > 59
  )
    return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ` (what toISOString writes) checked by character codes: true or false
 * when the text has that shape, undefined when it has not (the regex decides then).
 */
function isMillisecondUtc(text: string): boolean | undefined {
  for (const at of DIGIT_POSITIONS) {
    const code = text.charCodeAt(at) - 48;
    if (code < 0 || code > 9) return undefined;
  }
  for (const [at, code] of SEPARATORS) if (text.charCodeAt(at) !== code) return undefined;
  // Numbers from character codes: no slices or Number() calls for the 200k times of a 100k-row file.
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    twoDigits(text, 11) > 23 ||
    twoDigits(text, 14) > 59 ||
    twoDigits(text, 17) > 59
  )
    return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** The number written by the two digits at `at` (already checked to be digits). */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
/** Where `YYYY-MM-DDTHH:MM:SS.sssZ` has its separators, and which. */
const SEPARATORS: readonly (readonly [number, number])[] = [
  [4, 0x2d],
  [7, 0x2d],
  [10, 0x54],
  [13, 0x3a],
  [16, 0x3a],
  [19, 0x2e],
  [23, 0x5a],
];

/** Reads any timestamp form the original or we wrote; null when it is not one or not a real date. */
export function parseTimestamp(text: string): ParsedTime | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, y, mo, d, sep, h, mi, s, fraction = '', zone] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;

  // SQLite's CURRENT_TIMESTAMP (space, no fraction) is UTC; a Z or an offset says so itself.
  const isUtcForm = zone !== undefined || (sep === ' ' && fraction === '');
  if (isUtcForm) {
    const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (!sameCalendarDay(new Date(utc), year, month, day, true)) return null;
    return inRange({ iso: new Date(utc - offsetMinutes(zone) * 60_000).toISOString(), zone: 'utc' });
  }
  const local = new Date(year, month - 1, day, hour, minute, second, ms);
  local.setFullYear(year); // years 0–99 would otherwise land in the 1900s
  if (!sameCalendarDay(local, year, month, day, false)) return null;
  return inRange({ iso: local.toISOString(), zone: 'local' });
}

/**
 * The one time range (years 0001–9999 in UTC): a time that converts to UTC outside it — such as
 * 9999-12-31T23:59:59-01:00, which is year 10000 in UTC — is refused here, where it is read, so
 * that no database ever holds a time its next backup could not carry.
 */
function inRange(time: ParsedTime): ParsedTime | null {
  return time.iso.length === 24 && time.iso >= MIN_TIME && time.iso <= MAX_TIME ? time : null;
}

/** Rejects rolled-over dates such as February 30 (Date would quietly make it March 2). */
function sameCalendarDay(date: Date, year: number, month: number, day: number, utc: boolean): boolean {
  if (Number.isNaN(date.getTime())) return false;
  return utc
    ? date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    : date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** Minutes east of UTC of a `±HH:MM` suffix (0 for Z or none). */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}
