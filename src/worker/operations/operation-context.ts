import type { OperationProgress, DatabaseStatus } from '../api';
import type { ServiceDeps } from '../database-service';
import type { LiveDatabase } from '../live-database';

/** Makes a progress callback for one step that spans `from`–`to` of the whole operation. */
export type StepReporter = (label: string, from: number, to: number) => (fraction: number) => void;

/** A long operation the sidebar shows a progress bar for. */
export type TrackedTask = Exclude<OperationProgress['task'], null>;

/**
 * What every backup, restore and undo operation shares: the service's dependencies, the live
 * database, who is at the keyboard, the status reader and the progress channel.
 */
export class OperationContext {
  /** Who is at the keyboard, as the user typed it; recorded with every logged event. */
  operatorName = '';

  constructor(
    readonly deps: ServiceDeps,
    readonly live: LiveDatabase,
    readonly readStatus: () => Promise<DatabaseStatus>,
    private readonly report: (progress: OperationProgress) => void,
  ) {}

  /** " (by Dana)" when a name was given, for activity summaries. */
  byline(): string {
    return this.operatorName ? ` (by ${this.operatorName})` : '';
  }

  /** Runs a long operation, reporting its progress, and always reports its end. */
  async track<T>(task: TrackedTask, work: (step: StepReporter) => Promise<T>): Promise<T> {
    let lastSent = -1;
    const step: StepReporter = (label, from, to) => (fraction) => {
      const overall = from + (to - from) * Math.min(1, Math.max(0, fraction));
      // At most ~100 messages per operation, whatever the row count.
      if (overall - lastSent < 0.01 && overall < 1) return;
      lastSent = overall;
      this.report({ task, step: label, fraction: overall });
    };
    try {
      step('Starting', 0, 0)(0);
      return await work(step);
    } finally {
      this.report({ task: null });
    }
  }
}
