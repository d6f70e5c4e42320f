import { useEffect, useRef, useState } from 'react';
import { describeThrown } from '../../core/result';
import type { HistoryPage, HistoryQuery } from '../../core/db/history';
import { useDatabase } from '../common/database-context';
import type { NoticeContent } from '../common/notice';

const MESSAGES = {
  readFailed: 'The upload history could not be read. Reload the page; if it keeps failing, restore your latest backup.',
} as const;

/**
 * The history rows loaded so far for a query (filters without paging), the first page again
 * whenever the query or the data changes, and `loadMore` for the next keyset page. An answer
 * for an older query is dropped.
 */
export function useHistoryPages(query: Omit<HistoryQuery, 'after' | 'limit'>, pageSize: number) {
  const { api, revision } = useDatabase();
  const [loaded, setLoaded] = useState<HistoryPage | null>(null);
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const started = ++generation.current;
    setLoading(true);
    api.listHistory({ ...query, limit: pageSize }).then(
      (page) => {
        if (generation.current !== started) return;
        setLoaded(page);
        setProblem(null);
        setLoading(false);
      },
      (thrown: unknown) => {
        if (generation.current !== started) return;
        setProblem({ kind: 'error', text: MESSAGES.readFailed, detail: describeThrown(thrown) });
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query's contents
  }, [api, revision, key, pageSize]);

  const loadMore = async () => {
    if (!loaded?.next) return;
    const started = generation.current;
    setLoadingMore(true);
    try {
      const page = await api.listHistory({ ...query, limit: pageSize, after: loaded.next });
      if (generation.current !== started) return;
      setLoaded({
        rows: [...loaded.rows, ...page.rows],
        next: page.next,
        total: page.total,
        runMarks: [...(loaded.runMarks ?? []), ...(page.runMarks ?? [])],
      });
    } catch (thrown) {
      setProblem({ kind: 'error', text: MESSAGES.readFailed, detail: describeThrown(thrown) });
    } finally {
      setLoadingMore(false);
    }
  };

  return { loaded, problem, isLoading, isLoadingMore, loadMore };
}
