import { readTeamStore, type StoreKind, type TeamStoreRow } from '../../core/db/team-store-settings';
import { fail, ok, type Result } from '../../core/result';
import { lazyModule } from '../../platform/lazy-import';
import type { LiveDatabase } from '../engine/live-database';
import type { HeaderReader } from './object-headers';
import type * as StoreOperationsModule from './store-operations';
import type { StoreTransport } from './store-transport';
import type { StoreSession } from './team-session';

/** The team store's heavy parts (a chunk of its own, loaded only once a store is used). */
export const loadStoreOperations = lazyModule(() => import('./store-operations'));
export type StoreOperations = typeof StoreOperationsModule;

const MESSAGES = {
  notConnected: 'No team store is connected in this browser. Connect one under Team → Team store. Nothing was changed.',
};

/**
 * The way to the connected store for every operation of the feature: this browser's row of
 * `team_store` (read from the live database each time, so another tab's connect or a restore is
 * seen), and — built once per connection, on first use — the session (the store, the store limited
 * to this browser's objects, the opened team key) with its header cache.
 */
export class StoreAccess {
  private cached: { stamp: string; session: StoreSession; headers: HeaderReader } | null = null;

  constructor(
    private readonly live: LiveDatabase,
    /** The transport to use instead of S3 (tests: an in-memory store). */
    private readonly transportOverride?: StoreTransport,
  ) {}

  /** This browser's row (identity, and the connection when there is one). */
  row(): TeamStoreRow | null {
    return this.live.read(readTeamStore);
  }

  isConnected(): boolean {
    return Boolean(this.row()?.connection);
  }

  /** The transport for a kind of store (default: the connected one's; an S3 bucket when none is). */
  async transport(
    kind: StoreKind = this.row()?.connection?.kind ?? 's3',
  ): Promise<Result<{ transport: StoreTransport; ops: StoreOperations }>> {
    const ops = await loadStoreOperations();
    if (!ops.ok) return ops;
    const own = kind === 'folder' ? ops.value.folderTransport : ops.value.s3Transport;
    return ok({ transport: this.transportOverride ?? own, ops: ops.value });
  }

  async session(): Promise<Result<{ session: StoreSession; headers: HeaderReader; ops: StoreOperations }>> {
    const row = this.row();
    if (!row?.connection) return fail('store-not-connected', MESSAGES.notConnected);
    const loaded = await this.transport();
    if (!loaded.ok) return loaded;
    const { transport, ops } = loaded.value;
    const c = row.connection;
    const { deviceId, browserName, person } = row.identity;
    const stamp = `${c.kind ?? 's3'}|${c.teamId}|${c.connectedAt}|${deviceId}|${browserName}|${person}`;
    if (this.cached?.stamp !== stamp) {
      const session = await ops.openSession(transport, row.identity, c);
      this.cached = { stamp, session, headers: new ops.HeaderReader(session.store, session.teamKey, c.prefix) };
    }
    return ok({ session: this.cached.session, headers: this.cached.headers, ops });
  }

  /** Drops the session (after Disconnect: the key is no longer held here). */
  forget(): void {
    this.cached = null;
  }
}
