/**
 * The moment a `datetime-local` value stands for, as the end of what was entered: "2:33 PM" means
 * the whole minute 14:33, so a snapshot taken at 14:33:27 is "at or before" it. Local time (the
 * input's); null for a value that is not a time.
 */
export function latestMomentOf(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const hasSeconds = match[6] !== undefined;
  const second = hasSeconds ? Number(match[6]) : 59;
  const ms = match[7] !== undefined ? Number(match[7].padEnd(3, '0')) : 999;
  const at = new Date(year, month - 1, day, hour, minute, second, ms);
  return Number.isNaN(at.getTime()) ? null : at;
}
