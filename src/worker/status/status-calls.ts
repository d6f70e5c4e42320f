import { readDatabaseTimes } from '../../core/db/meta';
import { countRows } from '../../core/db/tables';
import type { Clock } from '../../core/clock';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { OperationProgress, ProgressChannel } from '../engine/progress';
import type { FeatureCalls } from '../feature-calls';
import type { DatabaseStatus } from './status-types';

/** What the status works with: the live database, and what the sidebar says about undo. */
export interface StatusSources {
  live: LiveDatabase;
  clock: Clock;
  progress: ProgressChannel;
  operator: Operator;
  isStoragePersisted: () => Promise<boolean | null>;
  undoSummary: () => Promise<DatabaseStatus['undo']>;
}

/** The database's state as the sidebar shows it, and the tab's part in it (saving, writing, listening). */
export const statusCalls = {
  reads: {
    /** Counts, persisted times, persistence and tab state — everything the sidebar shows. */
    getStatus: (sources: StatusSources) => readStatus(sources),
  },
  actions: {
    /** Writes everything pending to IndexedDB now (tab hidden, before a download). */
    flush: (sources: StatusSources) => sources.live.flush(),
    /** Asks to become the writing tab (the other tab turns read-only). */
    takeOverWriting: async (sources: StatusSources) => {
      await sources.live.takeOver();
    },
    /** Calls `listener` when data or the writer role changed outside this tab's own calls. */
    watchChanges: (sources: StatusSources, listener: () => void) => sources.live.onChange(listener),
    /** Names the person using this tab, for the activity log ("who restored what"). */
    setOperatorName: (sources: StatusSources, name: string) => sources.operator.set(name),
    /** Calls `listener` as long operations (backup, file check, restore, undo) advance. */
    watchProgress: (sources: StatusSources, listener: (progress: OperationProgress) => void) =>
      sources.progress.watch(listener),
    /** In the worker nothing restarts it; the page's client reports restarts (platform/worker-client.ts). */
    watchRestarts: (_sources: StatusSources, _listener: (event: EngineRestart) => void) => undefined,
  },
} satisfies FeatureCalls<StatusSources>;

/** The database worker died and a new one was started from what is stored. */
export interface EngineRestart {
  at: string;
  /** The long operation that was under way, if any. */
  during: OperationProgress['task'];
}

async function readStatus(sources: StatusSources): Promise<DatabaseStatus> {
  const { live, clock } = sources;
  const persistence =
    live.startupProblem && live.persistenceState.state !== 'failed'
      ? { state: 'failed' as const, error: live.startupProblem }
      : live.persistenceState;
  return {
    ...live.read((db) => ({ counts: countRows(db), times: readDatabaseTimes(db) })),
    readAt: clock.now().toISOString(),
    isWriter: live.isWriter,
    persistence,
    storagePersisted: await sources.isStoragePersisted(),
    undo: await sources.undoSummary(),
  };
}
