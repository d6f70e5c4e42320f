import { describe, expect, it } from 'vitest';
import type { DrillCandidate } from '../../../src/core/drills/drill-types';
import { parseObjectName } from '../../../src/core/team-store/object-names';
import type { TestApi } from '../../support/test-api';
import {
  backUpToStore,
  createTeam,
  newMemoryStore,
  seedBrokerage,
  teamBrowser,
} from '../../support/team-store-support';

/**
 * The team store as a drill source: a backup of the team picked from the store is fetched, opened
 * (every chunk authenticated), restored apart and compared; a tampered object fails the drill as a
 * damaged backup and is recorded; a store that does not answer records nothing.
 */

async function storeCandidate(api: TestApi): Promise<DrillCandidate> {
  const listed = await api.listStoreBackups();
  if (!listed.ok) throw new Error(listed.error.message);
  const [row] = listed.value.backups;
  if (!row) throw new Error('a backup in the store expected');
  return { origin: 'store', id: row.key, name: row.fileName, at: row.createdAt };
}

describe('a drill on the team store', () => {
  it('passes on the newest backup there, and is recorded as the team store’s', async () => {
    const browser = await teamBrowser(newMemoryStore());
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', 'sk-1');
    await backUpToStore(browser.api);
    const candidate = await storeCandidate(browser.api);
    const drill = await browser.api.runDrill(candidate);
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.outcome, drill.value.notes.join('\n')).toBe('passed');
    expect(drill.value.tables.find((t) => t.table === 'brokerages')).toMatchObject({ inBackup: 1, now: 1 });
    const [record] = await browser.api.listDrills();
    expect(record).toMatchObject({ origin: 'store', outcome: 'passed', name: candidate.name });
  });

  it('fails on a tampered object, as a damaged backup, and health says so', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', 'sk-1');
    await backUpToStore(browser.api);
    const candidate = await storeCandidate(browser.api);
    const key = [...store.objects.keys()].find((k) => parseObjectName('ff2api/', k)?.kind === 'backup') ?? '';
    const entry = store.objects.get(key);
    if (!entry) throw new Error('no backup object');
    entry.bytes[entry.bytes.length - 40] = (entry.bytes[entry.bytes.length - 40] ?? 0) ^ 0x55;
    const drill = await browser.api.runDrill(candidate);
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.outcome).toBe('damaged');
    expect(drill.value.notes[0]).toMatch(/integrity check/);
    expect((await browser.api.listDrills())[0]).toMatchObject({ origin: 'store', outcome: 'damaged' });
    expect((await browser.api.getBackupOverview()).lastCheck).toMatchObject({ kind: 'drill', outcome: 'damaged' });
  });

  it('records nothing when the store is not connected', async () => {
    const browser = await teamBrowser(newMemoryStore());
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', 'sk-1');
    await backUpToStore(browser.api);
    const candidate = await storeCandidate(browser.api);
    expect((await browser.api.disconnectTeamStore()).ok).toBe(true);
    const drill = await browser.api.runDrill(candidate);
    expect(drill.ok ? 'ok' : drill.error.code).toBe('drill-store-not-reached');
    expect(drill.ok ? '' : drill.error.message).toMatch(/Nothing was recorded/);
    expect(await browser.api.listDrills()).toEqual([]);
  });
});
