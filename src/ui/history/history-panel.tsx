import { useEffect, useId, useState } from 'react';
import { describeThrown } from '../../core/result';
import type { BrokerageSummary, HistoryPage } from '../../worker/api';
import { useDatabase } from '../database-context';
import { Notice, type NoticeContent } from '../shared/notice';
import { HistoryTable } from './history-table';

/** Rows per page; each page is one keyset query in the worker. */
export const HISTORY_PAGE_SIZE = 50;
const ALL = '';

const MESSAGES = {
  empty: 'No uploads yet. History arrives with restored backups (CSV processing comes later).',
  emptyFor: (name: string) => `No uploads for “${name}”.`,
  readFailed: 'The upload history could not be read. Reload the page; if it keeps failing, restore your latest backup.',
} as const;

interface Loaded {
  rows: HistoryPage['rows'];
  next: HistoryPage['next'];
  total: number;
}

/** Upload history, newest first, filterable by brokerage, 50 rows at a time with `Load more`. */
export function HistoryPanel({ brokerages }: { brokerages: BrokerageSummary[] }) {
  const { api, revision } = useDatabase();
  const [filter, setFilter] = useState(ALL);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const filterId = useId();
  // A filter on a brokerage that was renamed or deleted falls back to all brokerages.
  const brokerageName = brokerages.some((brokerage) => brokerage.name === filter) ? filter : undefined;

  // The first page again whenever the data or the filter changes.
  useEffect(() => {
    let isCurrent = true;
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
    setLoadingMore(true);
    try {
      const page = await api.listHistory({ limit: HISTORY_PAGE_SIZE, after: loaded.next, ...(brokerageName === undefined ? {} : { brokerageName }) });
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
        <select id={filterId} value={brokerageName ?? ALL} onChange={(event) => setFilter(event.target.value)}>
          <option value={ALL}>All brokerages</option>
          {brokerages.map((brokerage) => (
            <option key={brokerage.id} value={brokerage.name}>
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
            Showing {loaded.rows.length.toLocaleString('en-US')} of {loaded.total.toLocaleString('en-US')} uploads, newest first.
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
