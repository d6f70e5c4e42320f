import { listActivity } from '../../core/db/activity';
import { createBrokerage, deleteBrokerage, listBrokerages, renameBrokerage } from '../../core/db/brokerages';
import type { ConfigurationInput } from '../../core/db/configuration-input';
import { deleteConfiguration, listConfigurations } from '../../core/db/configurations';
import { listHistoryPage, type HistoryPage, type HistoryQuery } from '../../core/db/history';
import { countLoadsPerDay } from '../../core/db/history-stats';
import { readRunMarks } from '../../core/db/run-marks';
import { isNotable } from '../../core/db/run-standing';
import type { Result } from '../../core/result';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import { lazyModule } from '../../platform/lazy-import';
import type { LiveDatabase } from '../engine/live-database';
import type { FeatureCalls } from '../feature-calls';

/** Creating and editing configurations: the input checks and the API's field list (a chunk of their own). */
const loadConfigurationSave = lazyModule(() => import('../../core/db/configuration-save'));

/** What the catalog works with: the live database, a safety copy before a delete, and the runs this tab sends. */
export interface Catalog {
  live: LiveDatabase;
  takeSafetyCopy: (trigger: SnapshotTrigger) => Promise<Result<unknown>>;
  /** The processing runs this tab is sending now (none while file processing was never loaded). */
  activeRunIds: () => ReadonlySet<number>;
}

/** Brokerages, their configurations, the upload history and the activity log. */
export const catalogCalls = {
  reads: {
    listBrokerages: (catalog: Catalog) => catalog.live.read(listBrokerages),
    listConfigurations: (catalog: Catalog, brokerageName: string) =>
      catalog.live.read((db) => listConfigurations(db, brokerageName)),
    /**
     * One page of upload history, newest first; pass the previous page's `next` to continue. Each
     * of this browser's runs among the rows that was cut short, is going on or left loads uncertain
     * comes with its mark (an interrupted run says so, with its counts).
     */
    listHistory: (catalog: Catalog, query: HistoryQuery): HistoryPage => {
      const active = catalog.activeRunIds();
      const isWriter = catalog.live.isWriter;
      return catalog.live.read((db) => {
        const page = listHistoryPage(db, query);
        const ids = page.rows.map((row) => row.id);
        const marks = readRunMarks(db, ids, (id) => ({ isActiveHere: active.has(id), isWriter }));
        return { ...page, runMarks: marks.filter(isNotable) };
      });
    },
    listActivity: (catalog: Catalog, limit = 50) => catalog.live.read((db) => listActivity(db, limit)),
    /** Loads per day for the history chart. */
    countLoadsPerDay: (catalog: Catalog, sinceIso: string, utcOffsetMinutes: number) =>
      catalog.live.read((db) => countLoadsPerDay(db, sinceIso, utcOffsetMinutes)),
  },
  actions: {
    createBrokerage: (catalog: Catalog, name: string) =>
      catalog.live.write((db, now) => createBrokerage(db, name, now)),
    renameBrokerage: (catalog: Catalog, id: number, newName: string) =>
      catalog.live.write((db, now) => renameBrokerage(db, id, newName, now)),
    /** Deletes the brokerage and its configurations, after a `Before delete` snapshot; its upload history is kept. */
    deleteBrokerage: async (catalog: Catalog, id: number) => {
      const before = await catalog.takeSafetyCopy('before-delete');
      if (!before.ok) return before;
      return catalog.live.write((db, now) => deleteBrokerage(db, id, now));
    },
    /** Creates (no id) or updates (id) a configuration; an update bumps `version`. */
    saveConfiguration: async (catalog: Catalog, input: ConfigurationInput) => {
      const save = await loadConfigurationSave();
      return save.ok ? catalog.live.write((db, now) => save.value.saveConfiguration(db, input, now)) : save;
    },
    deleteConfiguration: (catalog: Catalog, id: number) =>
      catalog.live.write((db, now) => deleteConfiguration(db, id, now)),
  },
} satisfies FeatureCalls<Catalog>;
