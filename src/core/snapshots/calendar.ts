/**
 * Calendar buckets for retention and end of day: the hour, day, week and month a moment falls
 * in. People think in local time ("one a day" means one per local day), so the app uses the
 * local calendar; tests pin a UTC one so that results do not depend on the machine's zone.
 */
export interface Calendar {
  /** Same key ⇔ same local hour. */
  hourKey(ms: number): string;
  /** Days since 1970-01-01 in this calendar: the difference of two is a number of days. */
  dayIndex(ms: number): number;
  /** Months since year 0: the difference of two is a number of months. */
  monthIndex(ms: number): number;
}

/** Weeks start on Monday (ISO 8601); 1970-01-01 was a Thursday. */
export function weekIndex(calendar: Calendar, ms: number): number {
  return Math.floor((calendar.dayIndex(ms) + 3) / 7);
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
}

function calendarOf(parts: (ms: number) => Parts): Calendar {
  return {
    hourKey: (ms) => {
      const p = parts(ms);
      return `${p.year}-${p.month + 1}-${p.day}T${p.hour}`;
    },
    dayIndex: (ms) => {
      const p = parts(ms);
      return Math.round(Date.UTC(p.year, p.month, p.day) / 86_400_000);
    },
    monthIndex: (ms) => {
      const p = parts(ms);
      return p.year * 12 + p.month;
    },
  };
}

/** The browser's (or Node's) local calendar. */
export const localCalendar: Calendar = calendarOf((ms) => {
  const d = new Date(ms);
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), hour: d.getHours() };
});

/** The UTC calendar (tests). */
export const utcCalendar: Calendar = calendarOf((ms) => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours() };
});
