import type { RunView } from '../../worker/processing/processing-api';
import { formatCount } from './format';

/** What a run's state means for the user, in one sentence. */
export function describeRunState(run: RunView): string {
  if (run.isActive) return 'Sending…';
  if (run.isInterrupted) {
    return `Interrupted: the tab closed while this run was sending. ${formatCount(run.sent)} loads are recorded as sent and ${formatCount(run.notSent)} were never sent.${
      run.claimed > 0 ? ` ${formatCount(run.claimed)} were on their way: the load API may or may not have them.` : ''
    }`;
  }
  if (run.state === 'cancelled') return `Cancelled: what was sent is kept; ${formatCount(run.notSent)} loads were not sent.`;
  if (run.state === 'stopped') return `Stopped: ${run.stopReason ?? 'the load API could not be used.'} ${formatCount(run.notSent)} loads were not sent.`;
  return run.failed === 0
    ? 'Finished: every load was sent.'
    : `Finished: ${formatCount(run.sent)} sent; ${formatCount(run.failed)} failed, listed below (the failed-rows download has them with their errors).`;
}
