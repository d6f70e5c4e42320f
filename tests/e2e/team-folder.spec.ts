import { expect, test, type Browser } from '@playwright/test';
import { DEMO_API_KEY, startDemoApi, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { installSharedFolder, readFolder, SHARED_FOLDER, SyncAgent } from './helpers/sync-agent';
import { TEAM_PASSPHRASE } from './helpers/team-store-node';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';
import {
  TeamDatabase,
  type Teammate,
  BROKERAGE,
  CONFIGURATION,
  editDescription,
  shownDescription,
} from './pages/team-database';
import { violations } from './helpers/axe';

/**
 * The team store in a shared folder, in Chromium: each teammate's browser context picks a folder
 * of its own (an OPFS folder) and the test plays the sync agent that keeps the two alike, late and
 * file by file. Alice checks her folder (Test connection) and creates the team in it; Bob joins
 * from his once the agent copied it; Alice's edit reaches Bob's screen without a reload; her
 * backup is in the folder, sealed (no brokerage name, key or passphrase readable in any file);
 * after a reload the browser asks for access again and the panel says so until Alice allows it.
 */

/** The sync agent's round plus the app's pull every 5 s while visible, with room for a loaded machine. */
const ARRIVES = { timeout: 25_000 };

let api: DemoApi;
test.beforeAll(async () => {
  api = await startDemoApi();
});
test.afterAll(async () => {
  await api.close();
});

async function teammateWithFolder(browser: Browser): Promise<Teammate> {
  const context = await browser.newContext();
  await installSharedFolder(context);
  const page = await context.newPage();
  await page.goto('/');
  return { context, page, db: new TeamDatabase(page) };
}

/** Team → Team store: `Shared folder`, `Choose shared folder`, the names and the passphrase. */
async function fillFolderForm(mate: Teammate, browserName: string, person: string): Promise<void> {
  const team = mate.db.team;
  await team.open();
  await team.storeSection.getByRole('radio', { name: /^Shared folder/ }).check();
  await team.storeSection.getByRole('button', { name: 'Choose shared folder' }).click();
  await expect(team.storeSection.getByText(`Shared folder: ${SHARED_FOLDER}`)).toBeVisible();
  await team.field("This browser's name").fill(browserName);
  await team.field('Your name').fill(person);
  await team.field('Team passphrase').fill(TEAM_PASSPHRASE);
}

test('a team over a synced folder: create, join, an edit arrives, a sealed backup, access asked again', async ({
  browser,
}) => {
  const alice = await teammateWithFolder(browser);
  const bob = await teammateWithFolder(browser);
  const agent = new SyncAgent(alice.page, bob.page);
  try {
    const catalog = new Catalog(alice.page);
    await catalog.createBrokerage(BROKERAGE);
    await catalog.createConfiguration({
      brokerage: BROKERAGE,
      name: CONFIGURATION,
      description: 'Morning CSV',
      authType: 'api_key',
      apiKey: DEMO_API_KEY,
      baseUrl: api.baseUrl,
    });

    await fillFolderForm(alice, 'Front desk', 'Alice');
    await alice.db.team.testConnection();
    await expect(alice.db.team.storeSection.getByRole('heading', { name: 'Connection check: passed' })).toBeVisible();
    await expect(alice.db.team.step('Write a test object')).toContainText('A test file was written');
    await expect(alice.db.team.storeSection.getByText(/CORS rule/)).toHaveCount(0);
    expect(await violations(alice.page), 'the connect form, shared folder chosen and checked').toEqual([]);
    await alice.db.team.connectButton.click();
    await alice.db.team.field('Confirm team passphrase').fill(TEAM_PASSPHRASE, { timeout: 30_000 });
    await alice.db.team.connectButton.click();
    await alice.page.getByRole('button', { name: 'I have kept it safe' }).click();
    await expect(alice.db.team.storeSection).toContainText(`Connected to the shared folder ${SHARED_FOLDER}`);
    expect(await violations(alice.page), 'connected to a shared folder').toEqual([]);
    await alice.db.join();

    // Bob connects once the agent has carried the team's manifest into his folder.
    await expect
      .poll(async () => Object.keys(await readFolder(bob.page)), ARRIVES)
      .toContain('ff2api/ff2api-team.json');
    await fillFolderForm(bob, 'Back office', 'Bob');
    await bob.db.team.connectButton.click();
    await expect(bob.db.team.connected).toBeVisible({ timeout: 30_000 });
    await bob.db.join();
    await expect(await shownDescription(bob)).toHaveText('Morning CSV');

    await editDescription(alice, 'Morning CSV, checked by Alice');
    await expect(await shownDescription(bob)).toHaveText('Morning CSV, checked by Alice', ARRIVES);

    const sidebar = new Sidebar(alice.page);
    await sidebar.downloadBackup();
    await expect(sidebar.status(/and in the team store \(read back and checked\)/)).toBeVisible({ timeout: 60_000 });
    const files = await readFolder(alice.page);
    const names = Object.keys(files).map((name) => name.replace(/[0-9a-f]{32}/g, 'ID'));
    expect(names).toContain('ff2api/devices/ID/backups/ID');
    expect(names.filter((name) => name.startsWith('.') || name.includes('/.'))).toEqual([]);
    for (const [name, base64] of Object.entries(files)) {
      const text = Buffer.from(base64, 'base64').toString('latin1');
      for (const secret of [BROKERAGE, CONFIGURATION, DEMO_API_KEY, TEAM_PASSPHRASE, 'Morning CSV']) {
        expect(text.includes(secret), `${secret} readable in ${name}`).toBe(false);
      }
    }

    // After a reload the browser wants a click before the folder may be used again.
    await alice.page.evaluate(() => sessionStorage.setItem('test-folder-asks', '1'));
    await alice.page.reload();
    await alice.db.team.open();
    const ask = alice.db.team.storeSection.getByRole('status').filter({ hasText: 'needs your permission again' });
    await expect(ask).toContainText('do not reach the team');
    expect(await violations(alice.page), 'access to the shared folder asked again').toEqual([]);
    await ask.getByRole('button', { name: 'Allow access to the shared folder' }).click();
    await expect(ask).toBeHidden();
  } finally {
    await agent.stop();
    await alice.context.close();
    await bob.context.close();
  }
});
