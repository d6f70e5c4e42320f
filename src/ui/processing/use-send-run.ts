import { useCallback } from 'react';
import { DEFAULT_SEND_OPTIONS, runSendLoop, type SendProgress } from '../../core/csv/send-loop';
import { describeThrown, type Result } from '../../core/result';
import type { DatabaseApi } from '../../worker/api';
import type { RunView } from '../../worker/processing/processing-types';
import { useSending } from './sending-context';

/** How often the progress bar is redrawn: every load would re-render the view 150 times a second. */
const PROGRESS_EVERY_MS = 200;

const MESSAGES = {
  unexpected: 'Sending stopped unexpectedly. What was sent is recorded; the rest can be sent with Send the rest.',
} as const;

/**
 * Runs the sending loop on the page (its timers follow the page's clock) against the worker's
 * claim/send/record calls; `cancel` stops after the loads in flight. Its state lives in the
 * SendingProvider, so the loop and its progress outlive the view that started it.
 */
export function useSendRun(api: DatabaseApi) {
  const { sending, setSending, cancelRequested } = useSending();

  const send = useCallback(
    async (runId: number, fileName: string, total: number, concurrency: number): Promise<Result<RunView>> => {
      cancelRequested.current = false;
      let lastShown = 0;
      const show = (progress: SendProgress) => {
        const now = Date.now();
        if (now - lastShown < PROGRESS_EVERY_MS && progress.sent + progress.failed < progress.total) return;
        lastShown = now;
        setSending((current) => (current ? { ...current, progress } : current));
      };
      setSending(() => ({
        runId,
        fileName,
        isCancelling: false,
        progress: { total, sent: 0, failed: 0, inFlight: 0, secondsLeft: null, pausedUntil: null },
      }));
      try {
        const result = await runSendLoop(
          {
            claim: async (max) => {
              const claimed = await api.claimLoads(runId, max);
              if (!claimed.ok) throw new Error(claimed.error.message);
              return claimed.value;
            },
            send: (row, attempt, isLast) => api.sendLoad(runId, row, attempt, isLast),
            sleep: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
            now: () => Date.now(),
            isCancelled: () => cancelRequested.current,
            onProgress: show,
          },
          { ...DEFAULT_SEND_OPTIONS, concurrency, total },
        );
        return await api.endSendPass(runId, result);
      } catch (thrown) {
        return {
          ok: false,
          error: { code: 'send-failed', message: MESSAGES.unexpected, detail: describeThrown(thrown) },
        };
      } finally {
        setSending(() => null);
      }
    },
    [api, setSending, cancelRequested],
  );

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setSending((current) => (current ? { ...current, isCancelling: true } : current));
  }, [setSending, cancelRequested]);

  return { sending, send, cancel };
}
