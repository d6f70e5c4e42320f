import type { RunMark, RunStanding } from '../../core/db/run-standing';
import type { RunView } from '../../worker/processing/processing-types';
import { formatCount, plural } from './format';

/** What a run's state means for the user, in one sentence. */
export function describeRunState(run: RunView): string {
  if (run.standing === 'sending') return 'Sending…';
  if (run.standing === 'sending-elsewhere')
    return `Being sent from another tab: ${describeRunCounts(markOfView(run))}.`;
  if (run.standing === 'interrupted') {
    return `Interrupted: the tab closed while this run was sending. ${plural(run.sent, 'load')} ${run.sent === 1 ? 'is' : 'are'} recorded as sent and ${formatCount(run.notSent)} ${run.notSent === 1 ? 'was' : 'were'} never sent.${
      run.claimed > 0 ? ` ${formatCount(run.claimed)} were on their way: the load API may or may not have them.` : ''
    }`;
  }
  if (run.state === 'cancelled')
    return `Cancelled: what was sent is kept; ${plural(run.notSent, 'load')} ${run.notSent === 1 ? 'was' : 'were'} not sent.`;
  if (run.state === 'stopped') {
    const reason = run.stopReason ?? 'the load API could not be used.';
    return `Stopped: ${reason} ${plural(run.notSent, 'load')} ${run.notSent === 1 ? 'was' : 'were'} not sent.`;
  }
  return run.failed === 0
    ? 'Finished: every load was sent.'
    : `Finished: ${formatCount(run.sent)} sent; ${formatCount(run.failed)} failed, listed below (the failed-rows download has them with their errors).`;
}

/** The word for a run's standing in the history (the row says `interrupted` for a run cut short by a closed tab). */
export const STANDING_WORDS: Record<RunStanding, string> = {
  sending: 'sending now',
  'sending-elsewhere': 'being sent from another tab',
  interrupted: 'interrupted',
  cancelled: 'cancelled',
  stopped: 'stopped',
  finished: 'finished',
};

/** The counts Process file and Upload history both show: "12 sent, 0 failed, 38 not sent, 11 uncertain". */
export function describeRunCounts(mark: Pick<RunMark, 'sent' | 'failed' | 'notSent' | 'uncertain'>): string {
  const parts = [`${formatCount(mark.sent)} sent`, `${formatCount(mark.failed)} failed`];
  if (mark.notSent > 0) parts.push(`${formatCount(mark.notSent)} not sent`);
  if (mark.uncertain > 0) parts.push(`${formatCount(mark.uncertain)} uncertain`);
  return parts.join(', ');
}

/** A run view's counts as a mark. */
export function markOfView(run: RunView): RunMark {
  return {
    id: run.id,
    standing: run.standing,
    sent: run.sent,
    failed: run.failed,
    notSent: run.notSent,
    uncertain: run.claimed,
  };
}
