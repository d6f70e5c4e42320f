import { useCallback, useRef, useState } from 'react';
import { describeThrown, type Result } from '../../core/result';
import { useDatabase } from './database-context';
import type { NoticeContent } from './notice';

const MESSAGES = {
  unexpected:
    'Something went wrong and the change may not have been saved. Reload the page to see what is stored; download a backup if in doubt.',
} as const;

/**
 * Runs one write through the database API: tracks busy state, turns a refusal or an unexpected
 * error into a notice for the form it came from, and announces the change so lists reload.
 */
export function useWriteAction() {
  const { notifyChanged } = useDatabase();
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  // Busy buttons are aria-disabled (not disabled, which would drop keyboard focus to <body>),
  // so a second press while the first write runs is ignored here.
  const isRunning = useRef(false);

  const run = useCallback(
    async <T>(write: () => Promise<Result<T>>, successText?: (value: T) => string): Promise<T | null> => {
      if (isRunning.current) return null;
      isRunning.current = true;
      setBusy(true);
      setNotice(null);
      try {
        const result = await write();
        if (!result.ok) {
          setNotice({
            kind: 'error',
            text: result.error.message,
            ...(result.error.detail ? { detail: result.error.detail } : {}),
          });
          return null;
        }
        await notifyChanged();
        if (successText) setNotice({ kind: 'success', text: successText(result.value) });
        return result.value;
      } catch (thrown) {
        setNotice({ kind: 'error', text: MESSAGES.unexpected, detail: describeThrown(thrown) });
        return null;
      } finally {
        isRunning.current = false;
        setBusy(false);
      }
    },
    [notifyChanged],
  );

  return { run, isBusy, notice, setNotice };
}

/** Whether this tab may write (false while another tab holds the writer role). */
export function useCanWrite(): boolean {
  return useDatabase().status?.isWriter !== false;
}
