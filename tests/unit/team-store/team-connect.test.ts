import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { readTeamStore } from '../../../src/core/db/team-store-settings';
import { MANIFEST_NAME } from '../../../src/core/team-store/object-names';
import { loadSqlJs } from '../../support/sqljs';
import {
  connectRequest,
  createTeam,
  newMemoryStore,
  TEAM_PASSPHRASE,
  teamBrowser,
  type TeamBrowser,
} from '../../support/team-store-support';

/**
 * Connecting a browser to the team store (worker feature, real sql.js, the in-memory store):
 * creating the team at an empty prefix, joining it with the passphrase or the recovery key, the
 * refusals that change nothing, and Disconnect forgetting the keys while the store keeps its objects.
 */

async function storedRow(browser: TeamBrowser) {
  const SQL = await loadSqlJs();
  return readTeamStore(openDatabase(SQL, browser.api.exportLiveBytes()));
}

describe('connecting to the team store', () => {
  it('an empty prefix asks for the passphrase twice, then creates the team and shows the recovery key once', async () => {
    const store = newMemoryStore();
    const first = await teamBrowser(store);
    const asked = await first.api.connectTeamStore(connectRequest());
    expect(asked.ok && asked.value.state).toBe('needs-confirmation');
    expect(store.objects.size).toBe(0);
    const mismatch = await first.api.connectTeamStore(
      connectRequest({ confirmPassphrase: 'river lantern copper meadoww' }),
    );
    expect(mismatch.ok ? 'ok' : mismatch.error.message).toMatch(/two team passphrases differ.*Nothing was changed/);
    expect((await first.api.getTeamStoreStatus()).connected).toBe(false);

    const recoveryKey = await createTeam(first);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect([...store.objects.keys()]).toEqual([`ff2api/${MANIFEST_NAME}`]);
    const manifest = new TextDecoder().decode(store.objects.get(`ff2api/${MANIFEST_NAME}`)?.bytes);
    expect(manifest).not.toContain(TEAM_PASSPHRASE);
    expect(manifest).not.toContain('test-secret-never-in-a-file');

    const status = await first.api.getTeamStoreStatus();
    expect(status).toMatchObject({
      connected: true,
      bucket: 'team-backups',
      prefix: 'ff2api/',
      browserName: 'Dispatch desk 1',
      person: 'Dana',
    });
    expect(JSON.stringify(status)).not.toContain('test-secret-never-in-a-file');
    const row = await storedRow(first);
    expect(row?.connection?.secretAccessKey).toBe('test-secret-never-in-a-file');
    expect(row?.connection?.teamKey.byteLength).toBe(32);
  });

  it('a second browser joins with the passphrase; a wrong passphrase is a clear message and changes nothing', async () => {
    const store = newMemoryStore();
    const first = await teamBrowser(store);
    await createTeam(first);
    const second = await teamBrowser(store);
    const before = second.api.exportLiveBytes();
    const wrong = await second.api.connectTeamStore(
      connectRequest({ passphrase: 'not the team passphrase', browserName: 'Desk 2' }),
    );
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('wrong-passphrase');
    expect(wrong.ok ? 'ok' : wrong.error.message).toMatch(/not the team passphrase\. Nothing was changed/);
    expect(second.api.exportLiveBytes()).toEqual(before);
    expect((await second.api.getTeamStoreStatus()).connected).toBe(false);

    const joined = await second.api.connectTeamStore(connectRequest({ browserName: 'Desk 2', person: 'Sam' }));
    expect(joined.ok && joined.value).toEqual({ state: 'connected', created: false, recoveryKey: null });
    const [a, b] = [await first.api.getTeamStoreStatus(), await second.api.getTeamStoreStatus()];
    if (!a.connected || !b.connected) throw new Error('both should be connected');
    expect(b.teamId).toBe(a.teamId);
    expect(b.deviceId).not.toBe(a.deviceId);
  });

  it('a browser that lost the passphrase joins with the printed recovery key; a typo is named as a typo', async () => {
    const store = newMemoryStore();
    const first = await teamBrowser(store);
    const recoveryKey = await createTeam(first);
    const second = await teamBrowser(store);
    const typo = `${recoveryKey.slice(0, 5)}${recoveryKey[5] === 'A' ? 'B' : 'A'}${recoveryKey.slice(6)}`;
    const refused = await second.api.connectTeamStore(connectRequest({ passphrase: '', recoveryKey: typo }));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('recovery-key-typo');
    const joined = await second.api.connectTeamStore(
      connectRequest({ passphrase: '', recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') }),
    );
    expect(joined.ok && joined.value.state).toBe('connected');
  });

  it('a bad address or a missing key is refused by field before anything is sent', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    const http = await browser.api.connectTeamStore(connectRequest({ endpoint: 'http://s3.example.com' }));
    expect(http.ok ? 'ok' : http.error.code).toBe('store-endpoint');
    const noSecret = await browser.api.testStoreConnection({ ...connectRequest({ secretAccessKey: ' ' }) });
    expect(noSecret.ok ? 'ok' : noSecret.error.message).toMatch(/access key ID and the secret access key/);
    const noName = await browser.api.connectTeamStore(connectRequest({ browserName: '  ' }));
    expect(noName.ok ? 'ok' : noName.error.message).toMatch(/name for this browser/);
    expect(store.calls).toEqual([]);
  });

  it('Test connection says whether Connect will create the team or join it', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    const empty = await browser.api.testStoreConnection(connectRequest());
    expect(empty.ok && empty.value.team).toBe('none');
    await createTeam(browser);
    const taken = await browser.api.testStoreConnection(connectRequest());
    expect(taken.ok && taken.value.team).toBe('exists');
  });

  it('Disconnect forgets the store key and the team key here; the store keeps its objects; the device id stays', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    const status = await browser.api.getTeamStoreStatus();
    const deviceId = status.connected ? status.deviceId : '';
    const objects = [...store.objects.keys()];
    expect((await browser.api.disconnectTeamStore()).ok).toBe(true);
    expect(await browser.api.getTeamStoreStatus()).toEqual({
      connected: false,
      browserName: 'Dispatch desk 1',
      person: 'Dana',
    });
    const row = await storedRow(browser);
    expect(row?.connection).toBeNull();
    expect(new TextDecoder('latin1').decode(browser.api.exportLiveBytes())).not.toContain(
      'test-secret-never-in-a-file',
    );
    expect([...store.objects.keys()]).toEqual(objects);
    const again = await browser.api.connectTeamStore(connectRequest());
    expect(again.ok && again.value.state).toBe('connected');
    const after = await browser.api.getTeamStoreStatus();
    expect(after.connected && after.deviceId).toBe(deviceId);
  });
});
