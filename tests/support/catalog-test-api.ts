import { fixedClock, type Clock } from '../../src/core/clock';
import { createBrokerage, deleteBrokerage, listBrokerages, renameBrokerage } from '../../src/core/db/brokerages';
import { deleteConfiguration, listConfigurations } from '../../src/core/db/configurations';
import { saveConfiguration } from '../../src/core/db/configuration-save';
import { readConfigurationSecrets } from '../../src/core/db/configuration-secrets';
import { createLoadApiSession } from '../../src/platform/load-api';
import { authForTest } from '../../src/worker/processing/connection-auth';
import { listHistoryPage } from '../../src/core/db/history';
import { readDatabaseTimes } from '../../src/core/db/meta';
import type { Database } from '../../src/core/db/sql-types';
import { countRows } from '../../src/core/db/tables';
import type { DatabaseApi } from '../../src/worker/api';
import type { DatabaseStatus } from '../../src/worker/status/status-types';
import { openTestDatabase } from './catalog-db';

/** The catalog part of the API, plus the database underneath for seeding rows directly. */
export interface CatalogTestApi {
  api: DatabaseApi;
  db: Database;
  clock: Clock;
}

/**
 * A real DatabaseApi for the catalog's component tests: the core's queries over a real sql.js
 * database, in-process. Only the catalog methods and getStatus exist; the rest throw, so a
 * component that reaches for them fails loudly. (The full in-process service, createTestApi,
 * needs the backup modules; this adapter keeps the catalog tests independent of them.)
 */
export async function createCatalogTestApi(
  clock: Clock = fixedClock('2026-11-22T08:00:00.000Z'),
): Promise<CatalogTestApi> {
  const db = await openTestDatabase();
  const now = () => clock.now().toISOString();
  const catalog: Partial<DatabaseApi> = {
    getStatus: async () => status(db, now()),
    listBrokerages: async () => listBrokerages(db),
    createBrokerage: async (name) => createBrokerage(db, name, now()),
    renameBrokerage: async (id, name) => renameBrokerage(db, id, name, now()),
    deleteBrokerage: async (id) => deleteBrokerage(db, id, now()),
    listConfigurations: async (name) => listConfigurations(db, name),
    saveConfiguration: async (input) => saveConfiguration(db, input, now()),
    deleteConfiguration: async (id) => deleteConfiguration(db, id, now()),
    listHistory: async (query) => listHistoryPage(db, query),
    // The worker's own choice of address and secret; only a permitted request reaches the network.
    testConnection: async (request) => {
      const stored = request.configurationId === null ? null : readConfigurationSecrets(db, request.configurationId);
      const auth = authForTest(request, stored);
      if (!auth.ok) return { ok: false, message: auth.error.message };
      return createLoadApiSession(auth.value).testConnection(request.brokerageName);
    },
    watchChanges: async () => undefined,
    watchProgress: async () => undefined,
    setOperatorName: async () => undefined,
  };
  const api = new Proxy(catalog, {
    get(target, property: string) {
      const method = target[property as keyof DatabaseApi];
      if (method) return method;
      return () => Promise.reject(new Error(`catalog test API has no ${property}()`));
    },
  }) as DatabaseApi;
  return { api, db, clock };
}

/** The status the sidebar would show; the catalog only needs it to exist. */
function status(db: Database, readAt: string): DatabaseStatus {
  return {
    counts: countRows(db),
    times: readDatabaseTimes(db),
    readAt,
    isWriter: true,
    persistence: { state: 'saved', savedAt: readAt },
    storagePersisted: null,
    undo: null,
  };
}
