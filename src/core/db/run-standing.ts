/**
 * How a run stands, decided one way for Process file and Upload history alike. A run marked
 * `sending` is being sent by this tab, by another tab (then this tab cannot write), or by nobody:
 * the tab that sent it closed or crashed, so it was cut short — interrupted — and its claimed
 * loads are uncertain (their POST may have reached the API without the answer being recorded).
 */

/** A run's recorded state (processing_runs.state). */
export type RunState = 'sending' | 'finished' | 'cancelled' | 'stopped';

/** What a run's standing and counts are read from (a RunSummary has all of it). */
export interface RunCounts {
  id: number;
  state: RunState;
  sent: number;
  failed: number;
  notSent: number;
  /** Loads claimed and never answered. */
  claimed: number;
}

export type RunStanding = 'sending' | 'sending-elsewhere' | 'interrupted' | 'cancelled' | 'stopped' | 'finished';

/** What decides whether a `sending` run is alive. */
export interface RunLiveness {
  /** This tab is sending the run now. */
  isActiveHere: boolean;
  /** This tab holds the writer role (only the writing tab sends). */
  isWriter: boolean;
}

/** A run's standing and the counts a user sees next to it. */
export interface RunMark {
  id: number;
  standing: RunStanding;
  sent: number;
  failed: number;
  notSent: number;
  /** Loads whose POST may have reached the API unrecorded (claimed, never answered). */
  uncertain: number;
}

/** The standing of a run. */
export function standingOf(run: Pick<RunCounts, 'state'>, liveness: RunLiveness): RunStanding {
  if (run.state !== 'sending') return run.state;
  if (liveness.isActiveHere) return 'sending';
  return liveness.isWriter ? 'interrupted' : 'sending-elsewhere';
}

/** The mark of a run. */
export function markOf(run: RunCounts, liveness: RunLiveness): RunMark {
  return {
    id: run.id,
    standing: standingOf(run, liveness),
    sent: run.sent,
    failed: run.failed,
    notSent: run.notSent,
    uncertain: run.claimed,
  };
}

/** Whether a mark is worth showing: the run was cut short, is going on, or left loads uncertain. */
export function isNotable(mark: RunMark): boolean {
  return mark.standing !== 'finished' || mark.uncertain > 0;
}

/** Valid rows never sent: the rest of the file once sent, failed (invalid included) and uncertain loads are counted. */
export function notSentOf(total: number, sent: number, failed: number, uncertain: number): number {
  return Math.max(0, total - sent - failed - uncertain);
}
