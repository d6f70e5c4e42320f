/**
 * Runs as the Process file view and Upload history see them: how each stands (sending here or
 * from another tab, interrupted, …), whether its file is loaded, and the lists the view asks for —
 * open runs, and earlier runs of the very same file with a configuration.
 */
import { listOpenRuns, listRunsOfFile, readRun, type RunSummary } from '../../core/db/processing-runs';
import { standingOf, type RunLiveness } from '../../core/db/run-standing';
import type { LiveDatabase } from '../engine/live-database';
import type { LoadedFiles } from './loaded-files';
import type { RunView } from './processing-types';

export interface RunViewDeps {
  live: LiveDatabase;
  files: LoadedFiles;
  /** This worker's id, recorded on the runs it sends. */
  owner: string;
  /** Whether this tab is sending the run now. */
  isSending: (runId: number) => boolean;
  /** The runs this tab is sending now. */
  sendingIds: () => Iterable<number>;
}

/** Reads runs and says how they stand. */
export class RunViews {
  constructor(private readonly deps: RunViewDeps) {}

  /** Earlier runs of this very file with the configuration that sent something or are being sent, newest first. */
  earlierRunsOf(configurationId: number, fingerprint: string): RunView[] {
    return this.deps.live
      .read((db) => listRunsOfFile(db, configurationId, fingerprint))
      .map((run) => this.toView(run))
      .filter((run) => run.sent > 0 || run.claimed > 0 || run.state === 'sending');
  }

  /** Runs still open, newest first. */
  listOpen(): RunView[] {
    return this.deps.live
      .read((db) => listOpenRuns(db))
      .map((run) => this.toView(run))
      .filter((run) => run.state === 'sending' || run.notSent > 0 || run.claimed > 0);
  }

  /** The runs this tab is sending now (or has just marked for sending). */
  activeIds(): ReadonlySet<number> {
    const ids = new Set(this.deps.sendingIds());
    for (const run of this.deps.live.read((db) => listOpenRuns(db))) {
      if (run.state === 'sending' && run.owner === this.deps.owner) ids.add(run.id);
    }
    return ids;
  }

  /** One run as the UI sees it, or null. */
  get(runId: number): RunView | null {
    const run = this.deps.live.read((db) => readRun(db, runId));
    return run ? this.toView(run) : null;
  }

  /** A stored run as the UI sees it. */
  toView(run: RunSummary): RunView {
    const standing = standingOf(run, this.livenessOf(run));
    return {
      ...run,
      standing,
      isInterrupted: standing === 'interrupted',
      isActive: this.deps.isSending(run.id),
      attachedFileId: this.deps.files.findByFingerprint(run.fingerprint)?.id ?? null,
      apiFailed: Math.max(0, run.failed - run.invalid),
    };
  }

  /** Marked sending while this tab, the writer, is not sending it: the tab that was is gone. */
  isInterrupted(run: RunSummary): boolean {
    return standingOf(run, this.livenessOf(run)) === 'interrupted';
  }

  /** Whether this tab sends the run (or has just marked it for sending and is about to). */
  private livenessOf(run: RunSummary): RunLiveness {
    return {
      isActiveHere: this.deps.isSending(run.id) || run.owner === this.deps.owner,
      isWriter: this.deps.live.isWriter,
    };
  }
}
