import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseProvider, useDatabase } from '../../src/ui/common/database-context';
import { TeamSyncSidebar } from '../../src/ui/team-sync/team-sync-sidebar';
import type { DatabaseApi } from '../../src/worker/api';
import { MemoryObjectStore } from '../support/memory-object-store';
import { connectRequest, createTeam, teamBrowser } from '../support/team-store-support';

/**
 * The team database's clock on the page (use-team-sync-clock.ts), over the real worker in-process
 * and the team store feature on an in-memory store: a sync at start, one at once on focus, none
 * while the page is hidden, and a local write shared shortly — well before the next 5 s tick.
 */

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

/** The real API, counting the syncs the page asks for. */
function counted(api: DatabaseApi) {
  const syncs = { count: 0 };
  const wrapped = new Proxy(api, {
    get(target, key, receiver) {
      if (key === 'syncTeamNow') {
        return () => {
          syncs.count++;
          return target.syncTeamNow();
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { api: wrapped, syncs };
}

afterEach(() => setVisibility('visible'));

/** Hands the test the page's "something changed" (what every form calls after a write). */
function ChangeAnnouncer({ onReady }: { onReady: (notify: () => Promise<void>) => void }) {
  onReady(useDatabase().notifyChanged);
  return null;
}

describe('the team database’s clock on the page', () => {
  it('syncs at start and at once on focus, never while hidden, and shares a local write shortly', async () => {
    const store = new MemoryObjectStore();
    const dana = await teamBrowser(store);
    const ben = await teamBrowser(store);
    await createTeam(dana);
    expect((await dana.api.joinTeamDatabase()).ok).toBe(true);
    const joined = await ben.api.connectTeamStore(connectRequest({ browserName: 'Desk 2', person: 'Ben' }));
    expect(joined.ok).toBe(true);
    expect((await ben.api.joinTeamDatabase()).ok).toBe(true);

    const { api, syncs } = counted(ben.api);
    let notifyChanged: () => Promise<void> = () => Promise.resolve();
    render(
      <DatabaseProvider api={api}>
        <ChangeAnnouncer onReady={(notify) => (notifyChanged = notify)} />
        <TeamSyncSidebar />
      </DatabaseProvider>,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('All changes shared');
    await waitFor(() => expect(syncs.count).toBeGreaterThan(0));

    // A teammate's change arrives at once when the window gets focus (not at the next tick).
    expect((await dana.api.createBrokerage('Acme')).ok).toBe(true);
    expect((await dana.api.syncTeamNow()).ok).toBe(true);
    window.dispatchEvent(new Event('focus'));
    await waitFor(async () => expect((await ben.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme']), {
      timeout: 4_000,
    });

    // Hidden: a focus event asks nothing of the store.
    setVisibility('hidden');
    const before = syncs.count;
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(syncs.count).toBe(before);

    // Visible again, a write here is shared shortly, and the sidebar says so.
    setVisibility('visible');
    expect((await api.createBrokerage('Beta')).ok).toBe(true);
    await notifyChanged();
    await waitFor(async () => expect((await api.getTeamSyncStatus()).pending).toBe(0), { timeout: 4_000 });
    await dana.api.syncTeamNow();
    expect((await dana.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme', 'Beta']);
  });
});
