import type { StartDigestOffload } from '../../core/backup/checksum/digest-offload';
import type { Clock } from '../../core/clock';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { readStoredSettings } from '../../core/settings/settings-record';
import type { DatabaseStore } from './database-store';
import type { FactStore } from './fact-store';
import { auditRecorder, type RecordAudit } from './audit';
import { watchFirstLoad, type StartupLoad } from './first-load';
import { LiveDatabase } from './live-database';
import { Operator } from './operator';
import { ProgressChannel } from './progress';
import type { TabCoordination } from './tab-coordination';

/** What the worker's features are built on, from the platform (or from tests). */
export interface EngineDeps {
  SQL: SqlJsStatic;
  store: DatabaseStore;
  clock: Clock;
  tabs: TabCoordination;
  appVersion: string;
  /** Small records beside the database, owned by the features (./fact-store.ts). */
  facts: FactStore;
  /** Whether the browser promised to keep our storage; null when it cannot tell. */
  isStoragePersisted: () => Promise<boolean | null>;
  /** Where backups and restores work out their checksums off this thread; absent: here. */
  digestOffload?: StartDigestOffload;
}

/**
 * The shared parts every feature of the worker may use: the live database, the clock, the progress
 * channel, who is at the keyboard, and what the first load found. Features take the parts they
 * need from it; none of them calls back into the module that composed them.
 */
export interface Engine extends Omit<EngineDeps, 'store' | 'tabs'> {
  live: LiveDatabase;
  progress: ProgressChannel;
  operator: Operator;
  /** Appends to the audit trail, saying who and when (./audit.ts). */
  audit: RecordAudit;
  startup: StartupLoad;
}

/** Opens the stored database (or creates one) and returns the engine around it. */
export async function openEngine(deps: EngineDeps): Promise<Engine> {
  const watched = watchFirstLoad(deps.store);
  const live = await LiveDatabase.open({ SQL: deps.SQL, store: watched.store, clock: deps.clock, tabs: deps.tabs });
  const { store: _store, tabs: _tabs, ...shared } = deps;
  const operator = new Operator(() => live.read((db) => readStoredSettings(db).operatorName));
  const audit = auditRecorder(live, operator);
  return { ...shared, live, progress: new ProgressChannel(), operator, audit, startup: watched.firstLoad() };
}
