import { useEffect, useState } from 'react';
import { describeThrown } from '../../core/result';
import { useDatabase } from './database-context';
import type { DatabaseApi } from '../../worker/api';
import type { NoticeContent } from './notice';

const MESSAGES = {
  readFailed:
    'This list could not be read from the database. Reload the page; if it keeps failing, restore your latest backup.',
} as const;

export interface ApiRead<T> {
  data: T | null;
  problem: NoticeContent | null;
}

/**
 * Reads something through the API and reads it again whenever the database changes (the
 * revision goes up) or a dependency changes. A late answer to an older request is ignored.
 */
export function useApiRead<T>(read: (api: DatabaseApi) => Promise<T>, deps: readonly unknown[]): ApiRead<T> {
  const { api, revision } = useDatabase();
  const [state, setState] = useState<ApiRead<T>>({ data: null, problem: null });
  useEffect(() => {
    let isCurrent = true;
    read(api).then(
      (data) => {
        if (isCurrent) setState({ data, problem: null });
      },
      (thrown: unknown) => {
        if (isCurrent)
          setState((previous) => ({
            data: previous.data,
            problem: { kind: 'error', text: MESSAGES.readFailed, detail: describeThrown(thrown) },
          }));
      },
    );
    return () => {
      isCurrent = false;
    };
    // `read` is usually an inline arrow, new on every render; the caller lists what it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `read` depends on
  }, [api, revision, ...deps]);
  return state;
}
