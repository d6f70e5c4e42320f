import { expect, test, type Browser } from '@playwright/test';
import { startS3Proxy, type S3Proxy } from './helpers/s3-proxy';
import { freshPrefix, s3Env } from './helpers/team-store-node';
import { Catalog } from './pages/catalog';
import { joinTeam, openTeammate, startTeam, TeamDatabase, type Teammate, storeThrough } from './pages/team-database';
import { violations } from './helpers/axe';

/**
 * Team health and membership in Chromium against the real S3 server: Bob's browser holds a change
 * the store refused and goes silent; after 24 hours of Alice's clock her Team view and sidebar warn,
 * naming Bob. Alice removes Bob's browser: the warning goes, the activity says who removed whom;
 * Bob's browser, opened again, says who removed it and when, keeps its change, and joins again.
 */

const ARRIVES = { timeout: 20_000 };

let proxy: S3Proxy;
test.beforeEach(async () => {
  proxy = await startS3Proxy(s3Env().endpoint);
});
test.afterEach(async () => {
  await proxy.close();
});

/** Alice's browser with the page's clock under the test's hand (the app's one clock). */
async function openWithClock(browser: Browser): Promise<Teammate> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await page.goto('/');
  return { context, page, db: new TeamDatabase(page) };
}

/**
 * Alice (her page's clock under the test's hand) and Bob in one team; Bob holds a change the store
 * refused and closes his page; 24 hours pass on Alice's clock and her Warning names Bob.
 */
async function silentBobAfterADay(browser: Browser) {
  const prefix = freshPrefix('silent');
  const alice = await openWithClock(browser);
  await new Catalog(alice.page).createBrokerage('Acme');
  await startTeam(alice, storeThrough(proxy.url, prefix, 'Front desk', 'Alice'));
  const bob = await openTeammate(browser);
  await joinTeam(bob, storeThrough(proxy.url, prefix, 'Back office', 'Bob'));

  // The store refuses Bob's log objects: his change stays in his browser, and his state says so.
  proxy.mode = 'refuse-logs';
  const bobFirst = new Catalog(bob.page);
  await bobFirst.showView('Brokerages');
  await bobFirst.createBrokerage('Bob’s own');
  await expect(bob.db.sidebarStatus).toContainText('1 change not shared yet', ARRIVES);
  await alice.db.team.open();
  await expect(alice.db.browsers.getByRole('row', { name: /Back office/ })).toContainText('1 change', ARRIVES);
  await bob.page.close(); // Bob's browser goes silent.
  proxy.mode = 'pass';

  const warning = alice.page.getByRole('main').getByRole('status').filter({ hasText: 'Warning: Bob’s browser' });
  await expect(warning).toBeHidden();
  await alice.page.clock.fastForward(24 * 3_600_000);
  await alice.page.clock.runFor(20_000);
  await expect(warning).toContainText('“Back office” has not been seen since', ARRIVES);
  await expect(warning).toContainText('holds 1 change the team does not have');
  const sidebar = alice.page.getByRole('complementary', { name: 'Database management' });
  await expect(sidebar.getByRole('status').filter({ hasText: 'Warning: Bob’s browser' })).toBeVisible();

  return { alice, bob, warning };
}

test('a silent teammate with unshared changes is a Warning after 24 h; removing it clears the Warning and the removed browser says so', async ({
  browser,
}) => {
  const { alice, bob, warning } = await silentBobAfterADay(browser);
  // Alice removes Bob's browser from the team.
  await alice.db.browsers.getByRole('button', { name: 'Remove Back office from the team' }).click();
  const confirm = alice.page.getByRole('alertdialog', { name: 'Remove Back office from the team?' });
  await expect(confirm).toContainText('stops syncing the next time it opens the app');
  await expect(confirm).toContainText('The 1 change it has not shared stay in that browser only');
  expect(await violations(alice.page), 'the removal confirm').toEqual([]);
  await confirm.getByRole('button', { name: 'Remove from the team' }).click();
  await expect(alice.db.browsers.getByRole('row', { name: /Back office/ })).toHaveCount(0, ARRIVES);
  await expect(warning).toBeHidden(ARRIVES);
  await expect(alice.db.activity).toContainText('Alice removed Bob’s browser “Back office” from the team');

  // Bob opens the app again: his browser says who removed it, keeps his change, and can join again.
  const page = await bob.context.newPage();
  await page.goto('/');
  const bobAgain = new TeamDatabase(page);
  await bobAgain.team.open();
  const notice = bobAgain.section.getByRole('status').filter({ hasText: 'removed this browser from the team' });
  await expect(notice).toContainText(/^Alice removed this browser from the team on .+\. It no longer syncs/, ARRIVES);
  await expect(notice).toContainText('1 change made here was not shared with the team');
  expect(await violations(page), 'the removed notice').toEqual([]);
  const bobCatalog = new Catalog(page);
  await bobCatalog.showView('Brokerages');
  await expect(bobCatalog.brokerageButton('Bob’s own')).toBeVisible();
  await bobAgain.join();
  await new Catalog(alice.page).showView('Brokerages');
  await expect(new Catalog(alice.page).brokerageButton('Bob’s own')).toBeVisible(ARRIVES);
  await alice.context.close();
  await bob.context.close();
});

test('the 24 h Warning clears when the silent teammate syncs again', async ({ browser }) => {
  const { alice, bob, warning } = await silentBobAfterADay(browser);
  const page = await bob.context.newPage();
  await page.goto('/');
  await expect(new TeamDatabase(page).sidebarStatus).toContainText('All changes shared', ARRIVES);
  await alice.page.clock.runFor(20_000);
  await expect(warning).toBeHidden(ARRIVES);
  await expect(alice.db.browsers.getByRole('row', { name: /Back office/ })).toContainText('None');
  await alice.context.close();
  await bob.context.close();
});
