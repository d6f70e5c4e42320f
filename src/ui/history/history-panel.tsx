import { useEffect, useId, useRef, useState } from 'react';
import { describeThrown } from '../../core/result';
import type { BrokerageSummary, HistoryPage } from '../../worker/api';
import { useDatabase } from '../database-context';
import { Notice, type NoticeContent } from '../shared/notice';
import { HistoryTable } from './history-table';
import { formatCount } from '../shared/format';

/** Rows per page; each page is one keyset query in the worker. */
export const HISTORY_PAGE_SIZE = 50;
const ALL = '';

const MESSAGES = {
  empty: 'No uploads yet. Process a file (Process file) or restore a backup, and its runs appear here.',
  emptyFor: (name: string) => `No uploads for “${name}”.`,
  readFailed: 'The upload history could not be read. Reload the page; if it keeps failing, restore your latest backup.',
} as const;

/** Upload history, newest first, filterable by brokerage, 50 rows at a time with `Load more`. */
export function HistoryPanel({ brokerages }: { brokerages: BrokerageSummary[] }) {
  const { api, revision } = useDatabase();
  const [filter, setFilter] = useState(ALL);
  const [loaded, setLoaded] = useState<HistoryPage | null>(null);
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const filterId = useId();
  // Bumped whenever the first page is read again, so a "Load more" answer for older data is dropped.
  const generation = useRef(0);
  // The filter holds the brokerage's id, so it follows a rename; a deleted one falls back to all.
  const brokerageName = brokerages.find((brokerage) => String(brokerage.id) === filter)?.name;

  // The first page again whenever the data or the filter changes.
  useEffect(() => {
    let isCurrent = true;
    generation.current += 1;
    api.listHistory({ limit: HISTORY_PAGE_SIZE, ...(brokerageName === undefined ? {} : { brokerageName }) }).then(
      (page) => {
        if (!isCurrent) return;
        setLoaded(page);
        setProblem(null);
      },
      (thrown: unknown) => {
        if (isCurrent) setProblem({ kind: 'error', text: MESSAGES.readFailed, detail: describeThrown(thrown) });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, revision, brokerageName]);

  const loadMore = async () => {
    if (!loaded?.next) return;
    const started = generation.current;
    setLoadingMore(true);
    try {
      const page = await api.listHistory({ limit: HISTORY_PAGE_SIZE, after: loaded.next, ...(brokerageName === undefined ? {} : { brokerageName }) });
      if (generation.current !== started) return;
      setLoaded({ rows: [...loaded.rows, ...page.rows], next: page.next, total: page.total });
    } catch (thrown) {
      setProblem({ kind: 'error', text: MESSAGES.readFailed, detail: describeThrown(thrown) });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="history-panel">
      <div className="field history-filter">
        <label htmlFor={filterId}>Filter by brokerage</label>
        <select id={filterId} value={brokerageName === undefined ? ALL : filter} onChange={(event) => setFilter(event.target.value)}>
          <option value={ALL}>All brokerages</option>
          {brokerages.map((brokerage) => (
            <option key={brokerage.id} value={String(brokerage.id)}>
              {brokerage.name}
            </option>
          ))}
        </select>
      </div>
      {problem ? <Notice notice={problem} /> : null}
      {loaded === null ? <p className="caption">Loading upload history…</p> : null}
      {loaded && loaded.rows.length === 0 ? (
        <p className="empty-state">{brokerageName === undefined ? MESSAGES.empty : MESSAGES.emptyFor(brokerageName)}</p>
      ) : null}
      {loaded && loaded.rows.length > 0 ? (
        <>
          <HistoryTable rows={loaded.rows} />
          <p className="caption" role="status">
            Showing {formatCount(loaded.rows.length)} of {formatCount(loaded.total)} uploads, newest first.
          </p>
          {loaded.next ? (
            <button type="button" disabled={isLoadingMore} onClick={() => void loadMore()}>
              {isLoadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
