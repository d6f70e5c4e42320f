/**
 * Hybrid logical clocks: every change carries (wall time in ms, counter, device). The wall time
 * comes from the page's clock (the app's one clock); the counter orders changes made within one
 * millisecond, or while this browser's clock is behind a time it has seen. A clock taken after
 * seeing a change is always later than that change, whatever the wall clocks say — so "later
 * wins" never lets an edit lose to one its author had already seen.
 *
 * As text (`clockText`) a clock sorts in clock order, device last: SQL's MAX and ORDER BY over
 * the text give the winner, ties broken by device id.
 */

export interface Hlc {
  wall: number;
  counter: number;
}

/** A clock with the device that made it (what orders two changes). */
export interface DeviceClock extends Hlc {
  device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 8;
/** The largest counter a clock may carry (a log object saying more is refused). */
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** Wall times outside these are refused in log objects (before 2001, after 2286). */
export const MIN_WALL = 978_307_200_000;
export const MAX_WALL = 9_999_999_999_999;
const TEXT_PATTERN = /^(\d{15}):(\d{8}):([0-9a-f]{32})$/;

/** The zero clock (before everything). */
export const ZERO_HLC: Hlc = { wall: 0, counter: 0 };

/** The next clock for a change made now: later than `last` and not before `nowMs`. */
export function tickClock(last: Hlc, nowMs: number): Hlc {
  const wall = Math.max(last.wall, Math.floor(nowMs));
  const counter = wall === last.wall ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0 };
  return { wall, counter };
}

/** The later of two clocks (what this browser has seen). */
export function laterClock(a: Hlc, b: Hlc): Hlc {
  return compareClocks(a, b) >= 0 ? a : b;
}

/** Orders clocks without devices. */
export function compareClocks(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.counter - b.counter;
}

/** The sortable text of a clock and its device. */
export function clockText(clock: Hlc, device: string): string {
  return `${String(clock.wall).padStart(WALL_DIGITS, '0')}:${String(clock.counter).padStart(COUNTER_DIGITS, '0')}:${device}`;
}

/** Reads clock text back; null when it is not one. */
export function parseClockText(text: string): DeviceClock | null {
  const match = TEXT_PATTERN.exec(text);
  if (!match) return null;
  return { wall: Number(match[1]), counter: Number(match[2]), device: match[3] ?? '' };
}

/** The device of clock text (its last 32 characters). */
export function deviceOfClock(text: string): string {
  return text.slice(-32);
}

/** The wall time of clock text as ISO UTC (when a change was made, by its author's clock). */
export function clockTime(text: string): string {
  const parsed = parseClockText(text);
  return new Date(parsed ? parsed.wall : 0).toISOString();
}

/** True when a clock is within what log objects may carry. */
export function isValidClock(clock: Hlc): boolean {
  return (
    Number.isSafeInteger(clock.wall) &&
    clock.wall >= MIN_WALL &&
    clock.wall <= MAX_WALL &&
    Number.isSafeInteger(clock.counter) &&
    clock.counter >= 0 &&
    clock.counter <= MAX_COUNTER
  );
}
