import { useMemo, useState } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import { formatCount } from '../common/format';
import { Notice } from '../common/notice';
import { useDebounced } from '../common/use-debounced';
import { HistoryFilterForm } from './history-filter-form';
import { hasFilters, NO_FILTERS, toHistoryQuery, type HistoryFilters } from './history-filters';
import { HistoryTable } from './history-table';
import { useHistoryPages } from './use-history-pages';

/** Rows per page; each page is one keyset query in the worker. */
export const HISTORY_PAGE_SIZE = 50;
/** Typing in the search box waits this long before asking the worker. */
const SEARCH_DELAY_MS = 250;

const MESSAGES = {
  empty: 'No uploads yet. Process a file (Process file) or restore a backup, and its runs appear here.',
  noMatch: 'No uploads match these filters.',
  noneFor: (name: string, hasOtherFilters: boolean) =>
    `No uploads for “${name}”${hasOtherFilters ? ' match these filters' : ''}.`,
} as const;

/** Upload history: searchable and filterable, 50 rows at a time with `Load more`. */
export function HistoryPanel({ brokerages }: { brokerages: BrokerageSummary[] }) {
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const search = useDebounced(filters.search, SEARCH_DELAY_MS);
  // The filter holds the brokerage's id, so it follows a rename; a deleted one falls back to all.
  const brokerageName = brokerages.find((brokerage) => String(brokerage.id) === filters.brokerageId)?.name;
  const query = useMemo(() => toHistoryQuery({ ...filters, search }, brokerageName), [filters, search, brokerageName]);
  const { loaded, problem, isLoading, isLoadingMore, loadMore } = useHistoryPages(query, HISTORY_PAGE_SIZE);
  const isFiltered = hasFilters({ ...filters, search });
  const order = filters.order === 'oldest' ? 'oldest first' : 'newest first';
  const describeEmpty = () => {
    if (!isFiltered) return MESSAGES.empty;
    if (brokerageName === undefined) return MESSAGES.noMatch;
    return MESSAGES.noneFor(
      brokerageName,
      hasFilters({ ...filters, search, brokerageId: '' }) || filters.configuration !== '',
    );
  };

  return (
    <div className="history-panel">
      <HistoryFilterForm brokerages={brokerages} filters={filters} onChange={setFilters} />
      {problem ? <Notice notice={problem} /> : null}
      {loaded === null ? <p className="caption">Loading upload history…</p> : null}
      {loaded && loaded.rows.length === 0 ? <p className="empty-state">{describeEmpty()}</p> : null}
      <p className="caption history-count" role="status" aria-busy={isLoading}>
        {loaded && loaded.rows.length > 0
          ? `Showing ${formatCount(loaded.rows.length)} of ${formatCount(loaded.total)} ${isFiltered ? 'matching uploads' : 'uploads'}, ${order}.`
          : ''}
      </p>
      {loaded && loaded.rows.length > 0 ? (
        <>
          <HistoryTable rows={loaded.rows} marks={loaded.runMarks ?? []} order={filters.order} />
          {loaded.next ? (
            <button
              type="button"
              aria-disabled={isLoadingMore}
              onClick={() => void (isLoadingMore ? undefined : loadMore())}
            >
              {isLoadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
