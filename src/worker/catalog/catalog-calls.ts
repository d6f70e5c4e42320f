import { listActivity } from '../../core/db/activity';
import { createBrokerage, deleteBrokerage, listBrokerages, renameBrokerage } from '../../core/db/brokerages';
import type { ConfigurationInput } from '../../core/db/configuration-input';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { HistoryPage, HistoryQuery } from '../../core/db/history';
import type { Result } from '../../core/result';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import { lazyModule } from '../../platform/lazy-import';
import type { LiveDatabase } from '../engine/live-database';
import type { FeatureCalls } from '../feature-calls';

/** Creating and editing configurations: the input checks and the API's field list (a chunk of their own). */
const loadConfigurationSave = lazyModule(() => import('../../core/db/configuration-save'));
/** A brokerage's configurations as the page shows them, and deleting one (a chunk of their own). */
const loadConfigurations = lazyModule(() => import('../../core/db/configurations'));
/** Reading the upload history and its chart (a chunk of its own). */
const loadHistoryReads = lazyModule(() => import('./history-reads'));

/** The history's reading code; a part that cannot be loaded is a failed read (the view says so). */
async function historyReads() {
  const loaded = await loadHistoryReads();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

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
    listConfigurations: async (catalog: Catalog, brokerageName: string): Promise<ConfigurationView[]> => {
      const loaded = await loadConfigurations();
      if (!loaded.ok) throw new Error(loaded.error.message);
      return catalog.live.read((db) => loaded.value.listConfigurations(db, brokerageName));
    },
    /**
     * One page of upload history, newest first; pass the previous page's `next` to continue. Each
     * of this browser's runs among the rows that was cut short, is going on or left loads uncertain
     * comes with its mark (an interrupted run says so, with its counts).
     */
    listHistory: async (catalog: Catalog, query: HistoryQuery): Promise<HistoryPage> => {
      const { readHistoryPage } = await historyReads();
      const here = { active: catalog.activeRunIds(), isWriter: catalog.live.isWriter };
      return catalog.live.read((db) => readHistoryPage(db, query, here));
    },
    listActivity: (catalog: Catalog, limit = 50) => catalog.live.read((db) => listActivity(db, limit)),
    /** Loads per day for the history chart. */
    countLoadsPerDay: async (catalog: Catalog, sinceIso: string, utcOffsetMinutes: number) => {
      const { countLoadsPerDay } = await historyReads();
      return catalog.live.read((db) => countLoadsPerDay(db, sinceIso, utcOffsetMinutes));
    },
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
    /** Deletes a configuration after a `Before delete` snapshot (its mappings and credentials can come back). */
    deleteConfiguration: async (catalog: Catalog, id: number) => {
      const configurations = await loadConfigurations();
      if (!configurations.ok) return configurations;
      const before = await catalog.takeSafetyCopy('before-delete');
      if (!before.ok) return before;
      return catalog.live.write((db, now) => configurations.value.deleteConfiguration(db, id, now));
    },
  },
} satisfies FeatureCalls<Catalog>;
