import type { HistoryQuery } from '../../core/db/history';

/** What the history filter form holds (as typed: dates are the date inputs' "YYYY-MM-DD"). */
export interface HistoryFilters {
  search: string;
  /** The brokerage's id as text ('' for all): an id follows a rename. */
  brokerageId: string;
  /** A configuration name of that brokerage; '' for all, NO_CONFIGURATION for rows without one. */
  configuration: string;
  fromDate: string;
  toDate: string;
  withFailures: boolean;
  order: 'newest' | 'oldest';
}

/** The select value for "rows without a configuration" (no configuration is named like this). */
export const NO_CONFIGURATION = '\u0000none';

export const NO_FILTERS: HistoryFilters = {
  search: '',
  brokerageId: '',
  configuration: '',
  fromDate: '',
  toDate: '',
  withFailures: false,
  order: 'newest',
};

/** Whether any filter narrows the rows (the order alone does not). */
export function hasFilters(filters: HistoryFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.brokerageId !== '' ||
    filters.fromDate !== '' ||
    filters.toDate !== '' ||
    filters.withFailures
  );
}

/**
 * The worker query for the filters. Dates are whole local days: "to" includes that day, so the
 * query asks for rows before the next local midnight.
 */
export function toHistoryQuery(
  filters: HistoryFilters,
  brokerageName: string | undefined,
): Omit<HistoryQuery, 'limit' | 'after'> {
  const query: Omit<HistoryQuery, 'limit' | 'after'> = { order: filters.order };
  if (brokerageName !== undefined) {
    query.brokerageName = brokerageName;
    if (filters.configuration === NO_CONFIGURATION) query.configurationName = null;
    else if (filters.configuration !== '') query.configurationName = filters.configuration;
  }
  if (filters.search.trim() !== '') query.fileNameContains = filters.search.trim();
  const from = localMidnight(filters.fromDate, 0);
  const before = localMidnight(filters.toDate, 1);
  if (from) query.from = from;
  if (before) query.before = before;
  if (filters.withFailures) query.withFailures = true;
  return query;
}

/** The ISO time of local midnight of a "YYYY-MM-DD" date plus some days; null for no or bad dates. */
function localMidnight(date: string, plusDays: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const local = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}
