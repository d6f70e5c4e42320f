/**
 * The progress of the worker's long operations (a backup, a file check, a restore, an undo), as
 * the sidebar's progress bar shows it: one channel the page listens to, and `track`, which every
 * long operation runs inside so that its end is always reported, also when it fails.
 */

/** How far a long operation has come; `task: null` when it ended. */
export type OperationProgress =
  { task: 'backup' | 'check' | 'restore' | 'undo'; step: string; fraction: number } | { task: null };

/** A long operation the sidebar shows a progress bar for. */
export type TrackedTask = Exclude<OperationProgress['task'], null>;

/** Makes a progress callback for one step that spans `from`–`to` of the whole operation. */
export type StepReporter = (label: string, from: number, to: number) => (fraction: number) => void;

/** Runs a long operation, reporting its progress, and always reports its end. */
export type Track = <T>(task: TrackedTask, work: (step: StepReporter) => Promise<T>) => Promise<T>;

/** The page's listeners and the `track` that feeds them. */
export class ProgressChannel {
  private readonly listeners: ((progress: OperationProgress) => void)[] = [];

  /** Calls `listener` as long operations advance (the page's progress bar). */
  watch(listener: (progress: OperationProgress) => void): void {
    this.listeners.push(listener);
  }

  readonly track: Track = async (task, work) => {
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
  };

  private report(progress: OperationProgress): void {
    for (const listener of this.listeners) listener(progress);
  }
}
