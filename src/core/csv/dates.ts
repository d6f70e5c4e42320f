/**
 * Date cells in the formats users export (ISO dates and times, US `M/D/YYYY` or `M-D-YYYY` with
 * an optional 12- or 24-hour time, `YYYY/MM/DD`, month names as in `Jan 15, 2026` or
 * `15-Jan-2026`), written the way the API takes them:
 * `YYYY-MM-DDTHH:MM:SS.000Z`. As in the original, a time without a zone is taken as written (UTC)
 * and a date without a time becomes 14:00. Parsed by hand: 100k rows must not pay for a
 * general-purpose date library trying format after format.
 */

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/iu;
const US = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/iu;
const TIME = '(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AP]M)?)?';
// `Jan 15, 2026`, `Thursday, January 15th 2026 8:00 AM` (a weekday in front is ignored).
const MONTH_FIRST = new RegExp(
  `^(?:[a-z]{3,9}\\.?,?\\s+)?([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`,
  'iu',
);
// `15 Jan 2026`, `15-Jan-2026`, `15-Jan-26`.
const DAY_FIRST = new RegExp(`^(\\d{1,2})[\\s-]([a-z]{3,9})\\.?[\\s-](\\d{4}|\\d{2})${TIME}$`, 'iu');
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

/** The hour a date without a time gets (the original's choice since its commit 97ff204). */
export const DATE_ONLY_HOUR = 14;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

/** The API's text for a date cell, or null when the cell is not a date this reader knows. */
export function parseDateCell(text: string): string | null {
  const parts = readParts(text.trim());
  if (!parts || !isRealDate(parts)) return null;
  // Built from the parts by hand: no Date object per cell (100k rows × several dates).
  if (parts.offsetMinutes === 0)
    return formatParts(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  const ms =
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) -
    parts.offsetMinutes * 60_000;
  return formatApiDate(ms);
}

/** Milliseconds since the epoch as `YYYY-MM-DDTHH:MM:SS.000Z`. */
export function formatApiDate(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}.000Z`;
}

/** An API date moved forward by whole hours (`+2 h`, `+1 day`), by arithmetic on its text. */
export function addHoursToApiDate(apiDate: string, hours: number): string | null {
  if (apiDate.length !== 24 || apiDate[10] !== 'T') return null;
  const sameDayHour = Number(apiDate.slice(11, 13)) + hours;
  // Most shifts stay within the day: only the hour changes.
  if (sameDayHour < 24) return `${apiDate.slice(0, 11)}${TWO_DIGITS[sameDayHour] as string}${apiDate.slice(13)}`;
  let year = Number(apiDate.slice(0, 4));
  let month = Number(apiDate.slice(5, 7));
  let day = Number(apiDate.slice(8, 10));
  let hour = Number(apiDate.slice(11, 13)) + hours;
  while (hour >= 24) {
    hour -= 24;
    day++;
    if (day > daysInMonth(year, month)) {
      day = 1;
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
    }
  }
  return formatParts(year, month, day, hour, Number(apiDate.slice(14, 16)), Number(apiDate.slice(17, 19)));
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** `YYYY-MM-DDTHH:MM:SS.000Z` from UTC parts (already checked). */
function formatParts(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.000Z`;
}

/** Days in a month of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Splits a cell into date parts by the first format that matches. */
function readParts(text: string): DateParts | null {
  const iso = ISO.exec(text);
  if (iso) return partsOf(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], undefined, iso[7]);
  const us = US.exec(text);
  if (us) return partsOf(fullYear(us[4]), us[1], us[3], us[5], us[6], us[7], us[8], undefined);
  const ymd = YMD_SLASH.exec(text);
  if (ymd) return partsOf(ymd[1], ymd[2], ymd[3], ymd[4], ymd[5], ymd[6], undefined, undefined);
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst)
    return partsOf(
      monthFirst[3],
      monthNumber(monthFirst[1]),
      monthFirst[2],
      monthFirst[4],
      monthFirst[5],
      monthFirst[6],
      monthFirst[7],
      undefined,
    );
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst)
    return partsOf(
      fullYear(dayFirst[3]),
      monthNumber(dayFirst[2]),
      dayFirst[1],
      dayFirst[4],
      dayFirst[5],
      dayFirst[6],
      dayFirst[7],
      undefined,
    );
  return null;
}

/** A two-digit year as this century's (`26` → 2026). */
function fullYear(year: string | undefined): string | undefined {
  return year?.length === 2 ? String(2000 + Number(year)) : year;
}

/** `Jan`, `Sept`, `March` → its number as text; undefined for any other word (the date is then refused). */
function monthNumber(name: string | undefined): string | undefined {
  const lower = (name ?? '').toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => lower.length >= 3 && month.startsWith(lower));
  return index < 0 ? undefined : String(index + 1);
}

/** Numbers from matched text; a 12-hour clock and a zone are applied here. */
function partsOf(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined,
): DateParts | null {
  let h = hour === undefined ? DATE_ONLY_HOUR : Number(hour);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: h,
    minute: minute === undefined ? 0 : Number(minute),
    second: second === undefined ? 0 : Number(second),
    offsetMinutes: zoneOffset(zone),
  };
}

/** `Z`, `+02:00`, `-0500` → minutes east of UTC. */
function zoneOffset(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/** Whether the parts name a real calendar day and time (no 31 February, no 25:00). */
function isRealDate(p: DateParts): boolean {
  if (!Number.isInteger(p.year) || !Number.isInteger(p.month) || !Number.isInteger(p.day)) return false;
  if (p.year < 1900 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  return p.day <= daysInMonth(p.year, p.month);
}
