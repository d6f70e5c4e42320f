import { expect, test, type Browser } from '@playwright/test';
import { startDemoApi, DEMO_API_KEY, type DemoApi } from '../../scripts/demo-api-server.mjs';
import { loadsCsv } from '../support/loads-csv';
import { startS3Proxy, type S3Proxy } from './helpers/s3-proxy';
import { freshPrefix, nodeStore, s3Env } from './helpers/team-store-node';
import { Catalog } from './pages/catalog';
import { ProcessFile } from './pages/process-file';
import {
  joinTeam,
  openTeammate,
  startTeam,
  TeamDatabase,
  type Teammate,
  BROKERAGE,
  CONFIGURATION,
  editDescription,
  shownDescription,
  storeThrough,
} from './pages/team-database';
import { violations } from './helpers/axe';

/**
 * One team database across browsers, in Chromium against the real S3 server (Ceph RGW): each
 * teammate a browser context of its own (its own IndexedDB), reaching the store through a proxy
 * the test can take down. Changes arrive without a reload, on the page's own sync clock; a
 * conflict made while the store is unreachable shows in both browsers with the same final value;
 * an object tampered with in the bucket is refused and reported, and nothing of it is applied.
 */

/** The "within 10 s", with room for a loaded machine: the app syncs every 5 s while visible. */
const ARRIVES = { timeout: 15_000 };

let api: DemoApi;
let proxy: S3Proxy;
test.beforeAll(async () => {
  api = await startDemoApi();
});
test.afterAll(async () => {
  await api.close();
});
test.beforeEach(async () => {
  proxy = await startS3Proxy(s3Env().endpoint);
});
test.afterEach(async () => {
  await proxy.close();
});

/** Alice and Bob in one team; Alice's brokerage and configuration (for the demo load API) shared. */
async function twoTeammates(browser: Browser, label: string) {
  const prefix = freshPrefix(label);
  const alice = await openTeammate(browser);
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
  await startTeam(alice, storeThrough(proxy.url, prefix, 'Front desk', 'Alice'));
  const bob = await openTeammate(browser);
  await joinTeam(bob, storeThrough(proxy.url, prefix, 'Back office', 'Bob'));
  return { prefix, alice, bob };
}

test('A edits a configuration and B shows it without a reload; B processes a file and A’s history has it; C joins later and has both', async ({
  browser,
}) => {
  const { prefix, alice, bob } = await twoTeammates(browser, 'sync');
  await expect(await shownDescription(bob)).toHaveText('Morning CSV');
  await bob.db.team.open();
  await expect(bob.db.browsers.getByRole('row', { name: /Front desk/ })).toContainText('Alice');
  await expect(bob.db.browsers.getByRole('row', { name: /Back office/ })).toContainText('Bob');
  expect(await violations(bob.page), 'the Team view, joined').toEqual([]);

  await editDescription(alice, 'Morning CSV, checked by Alice');
  await expect(await shownDescription(bob)).toHaveText('Morning CSV, checked by Alice', ARRIVES);

  const processing = new ProcessFile(bob.page);
  await processing.open(BROKERAGE, CONFIGURATION);
  await processing.loadFile('bob_loads.csv', loadsCsv(4, []), 4);
  await processing.main
    .getByRole('region', { name: 'Field mapping' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await processing.processData();
  await expect(processing.results).toContainText('4 sent');

  const aliceCatalog = new Catalog(alice.page);
  await aliceCatalog.showView('Upload history');
  await expect(aliceCatalog.historyTable).toContainText('bob_loads.csv', ARRIVES);

  // Carol joins later and has everything.
  const carol = await openTeammate(browser);
  await joinTeam(carol, storeThrough(proxy.url, prefix, 'Night desk', 'Carol'));
  await expect(await shownDescription(carol)).toHaveText('Morning CSV, checked by Alice');
  const carolCatalog = new Catalog(carol.page);
  await carolCatalog.showView('Upload history');
  await expect(carolCatalog.historyTable).toContainText('bob_loads.csv');
  for (const mate of [alice, bob, carol]) await mate.context.close();
});

test('A and B edit the same field while the store is unreachable: both show the conflict and the same value', async ({
  browser,
}) => {
  const { alice, bob } = await twoTeammates(browser, 'conflict');
  proxy.mode = 'down';
  await editDescription(alice, 'Alice’s offline edit');
  await editDescription(bob, 'Bob’s offline edit');
  for (const mate of [alice, bob]) {
    await expect(mate.db.sidebarStatus).toContainText(/\d+ changes? not shared yet/, ARRIVES);
    await expect(mate.db.sidebarStatus).toContainText('The team store cannot be reached now', ARRIVES);
  }
  expect(await violations(bob.page), 'changes waiting, store unreachable').toEqual([]);

  proxy.mode = 'pass';
  for (const mate of [alice, bob]) {
    await mate.db.team.open();
    await expect(mate.db.conflicts.getByRole('listitem')).toHaveCount(1, ARRIVES);
    await expect(mate.db.conflicts).toContainText(`${BROKERAGE} / ${CONFIGURATION}, description`);
  }
  const kept = await (await shownDescription(bob)).innerText();
  expect(['Alice’s offline edit', 'Bob’s offline edit']).toContain(kept);
  await expect(await shownDescription(alice)).toHaveText(kept, ARRIVES);

  // One click takes the other value, for both.
  await alice.db.team.open();
  expect(await violations(alice.page), 'a conflict').toEqual([]);
  await alice.db.conflicts.getByRole('button', { name: 'Use the other value' }).click();
  await expect(alice.db.conflicts).toContainText('No conflicts');
  const other = kept === 'Alice’s offline edit' ? 'Bob’s offline edit' : 'Alice’s offline edit';
  await expect(await shownDescription(bob)).toHaveText(other, ARRIVES);
  await bob.db.team.open();
  await expect(bob.db.conflicts).toContainText('No conflicts', ARRIVES);
  await alice.context.close();
  await bob.context.close();
});

test('an object tampered with in the bucket is refused and reported; nothing of it is applied', async ({ browser }) => {
  const { prefix, alice, bob } = await twoTeammates(browser, 'tamper');
  await bob.page.close(); // Bob's browser is closed while Alice works.
  const store = nodeStore();
  const logsNow = async () => {
    const listed = await store.list(`${prefix}devices/`);
    if (!listed.ok) throw new Error(listed.error.detail);
    return listed.value.objects.map((o) => o.name).filter((name) => name.includes('/log/'));
  };
  const before = new Set(await logsNow());
  await editDescription(alice, 'Edited while Bob was away');
  await expect(alice.db.sidebarStatus).toContainText('All changes shared', ARRIVES);
  const fresh = (await logsNow()).filter((name) => !before.has(name));
  expect(fresh).toHaveLength(1);
  const key = fresh[0] ?? '';
  const got = await store.get(key);
  if (!got.ok) throw new Error(got.error.detail);
  const bytes = new Uint8Array(await new Response(got.value.body).arrayBuffer());
  bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
  expect((await store.put(key, bytes)).ok).toBe(true);

  const page = await bob.context.newPage();
  await page.goto('/');
  const bobAgain: Teammate = { context: bob.context, page, db: new TeamDatabase(page) };
  await bobAgain.db.team.open();
  await expect(bobAgain.db.activity).toContainText('An object in the team store was refused and not used', ARRIVES);
  await expect(await shownDescription(bobAgain)).toHaveText('Morning CSV');
  expect(await violations(page), 'a refused object reported').toEqual([]);
  await alice.context.close();
  await bob.context.close();
});
