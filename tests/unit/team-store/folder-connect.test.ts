import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { readTeamStore } from '../../../src/core/db/team-store-settings';
import { loadSqlJs } from '../../support/sqljs';
import {
  connectRequest,
  createTeam,
  newMemoryStore,
  TEAM_PASSPHRASE,
  teamBrowser,
} from '../../support/team-store-support';

/**
 * Connecting to the team's shared folder (worker feature, real sql.js; the in-memory store stands
 * in for the folder, whose own behaviour tests/e2e/folder-object-store.spec.ts checks in Chromium):
 * the row records the kind and keeps no key, the status and the activity say "shared folder",
 * a teammate joins the same way, and Disconnect returns the row to an S3 default.
 */

const folderRequest = {
  kind: 'folder' as const,
  endpoint: '',
  region: '',
  bucket: 'Team Dropbox',
  accessKeyId: '',
  secretAccessKey: '',
};

describe('connecting a shared folder as the team store', () => {
  it('creates the team in the folder, records the kind, and a second browser joins it', async () => {
    const store = newMemoryStore();
    const first = await teamBrowser(store);
    await createTeam(first, folderRequest);
    const status = await first.api.getTeamStoreStatus();
    expect(status).toMatchObject({ connected: true, kind: 'folder', bucket: 'Team Dropbox', prefix: 'ff2api/' });
    const SQL = await loadSqlJs();
    const db = openDatabase(SQL, first.api.exportLiveBytes());
    expect(readTeamStore(db)?.connection).toMatchObject({ kind: 'folder', endpoint: '', secretAccessKey: '' });
    expect(JSON.stringify(db.exec('SELECT summary FROM activity_log'))).toContain(
      'Created the team in the shared folder Team Dropbox/ff2api/',
    );

    const second = await teamBrowser(store);
    const joined = await second.api.connectTeamStore(
      connectRequest({ ...folderRequest, passphrase: TEAM_PASSPHRASE, browserName: 'Dispatch desk 2' }),
    );
    expect(joined.ok && joined.value).toMatchObject({ state: 'connected', created: false });
    expect((await second.api.getTeamStoreStatus()).connected).toBe(true);

    expect((await first.api.disconnectTeamStore()).ok).toBe(true);
    const after = readTeamStore(openDatabase(SQL, first.api.exportLiveBytes()));
    expect(after?.connection).toBeNull();
  });

  it('refuses a bad folder inside it, naming the field, and stores nothing', async () => {
    const browser = await teamBrowser(newMemoryStore());
    const refused = await browser.api.connectTeamStore(connectRequest({ ...folderRequest, prefix: 'a/../b' }));
    expect(refused.ok ? 'ok' : refused.error.message).toMatch(/folder inside the shared folder should be names/);
    expect((await browser.api.getTeamStoreStatus()).connected).toBe(false);
  });
});
