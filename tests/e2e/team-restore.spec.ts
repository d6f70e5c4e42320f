import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startS3Proxy, type S3Proxy } from './helpers/s3-proxy';
import { freshPrefix, s3Env } from './helpers/team-store-node';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';
import {
  joinTeam,
  openTeammate,
  startTeam,
  BROKERAGE,
  CONFIGURATION,
  editDescription,
  shownDescription,
  storeThrough,
} from './pages/team-database';
import { violations } from './helpers/axe';

/**
 * A team restore from the UI, in Chromium against the real S3 server (Ceph RGW), two teammates
 * each in a browser context of its own: Alice restores an older backup file; her preview names
 * what Bob changed since; after typing RESTORE, Bob's app — without a reload — says who replaced
 * the team database with what, holds the file's data and a `Before restore` snapshot; Alice's
 * undo is announced the same way and brings Bob's edit back.
 */

/** The app syncs every 5 s while visible; room for a loaded machine. */
const ARRIVES = { timeout: 20_000 };

let proxy: S3Proxy;
test.beforeEach(async () => {
  proxy = await startS3Proxy(s3Env().endpoint);
});
test.afterEach(async () => {
  await proxy.close();
});

/** The sidebar's notice of a teammate's team restore. */
function restoreNotice(page: Page) {
  return new Sidebar(page).root.getByRole('status', { name: 'Team restore' });
}

test('A restores an older backup for the team: the preview names B’s change, B is told and has the file’s data; A’s undo brings B’s edit back', async ({
  browser,
}) => {
  const prefix = freshPrefix('restore');
  const alice = await openTeammate(browser);
  const catalog = new Catalog(alice.page);
  await catalog.createBrokerage(BROKERAGE);
  await catalog.createConfiguration({
    brokerage: BROKERAGE,
    name: CONFIGURATION,
    description: 'Morning CSV',
    authType: 'api_key',
    apiKey: 'ak-test-team-restore',
  });
  await startTeam(alice, storeThrough(proxy.url, prefix, 'Front desk', 'Alice'));
  const bob = await openTeammate(browser);
  await joinTeam(bob, storeThrough(proxy.url, prefix, 'Back office', 'Bob'));

  const aliceSidebar = new Sidebar(alice.page);
  const download = await aliceSidebar.downloadBackup();
  const fileName = download.suggestedFilename();
  const file = { name: fileName, mimeType: 'application/json', buffer: readFileSync(await download.path()) };

  await editDescription(bob, 'Morning CSV, checked by Bob');
  await expect(await shownDescription(alice)).toHaveText('Morning CSV, checked by Bob', ARRIVES);

  await aliceSidebar.restoreFrom(file);
  const team = aliceSidebar.root.getByRole('group', { name: 'Team restore' });
  await expect(team).toContainText('This replaces the team’s database for every teammate’s browser.');
  await expect(team.getByRole('listitem')).toHaveText([
    `Bob (Back office): 1 edit, 1 history row — configuration “${CONFIGURATION}”`,
  ]);
  await expect(aliceSidebar.restoreButton).toBeDisabled();
  expect(await violations(alice.page), 'the team restore preview').toEqual([]);
  await aliceSidebar.confirmRestore();
  await expect(
    aliceSidebar.root.getByRole('status').filter({ hasText: 'The team database was replaced with' }),
  ).toContainText(fileName);
  await expect(await shownDescription(alice)).toHaveText('Morning CSV');

  // Bob, without a reload: told who restored what and when, the file's data, a Before restore snapshot.
  await expect(restoreNotice(bob.page)).toContainText(`Alice replaced the team database with ${fileName} at`, ARRIVES);
  await expect(await shownDescription(bob)).toHaveText('Morning CSV');
  expect(await violations(bob.page), 'the team restore notice').toEqual([]);
  await bob.db.team.open();
  await expect(bob.db.activity).toContainText(`Alice replaced the team database with ${fileName}`);
  const backups = new BackupsView(bob.page);
  await backups.open();
  await expect(backups.rowsOf('Before restore')).not.toHaveCount(0);

  // Alice undoes it: for the team, announced the same way.
  await aliceSidebar.undoButton.click();
  await expect(aliceSidebar.undoDialog).toContainText('It was a team restore: undoing it is too.');
  await aliceSidebar.undoDialog.getByRole('button', { name: 'Undo restore' }).click();
  await expect(aliceSidebar.root.getByRole('status').filter({ hasText: 'Team restore undone' })).toBeVisible();
  await expect(restoreNotice(bob.page)).toContainText('Alice undid the last team restore at', ARRIVES);
  await expect(await shownDescription(bob)).toHaveText('Morning CSV, checked by Bob');
  await restoreNotice(bob.page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(restoreNotice(bob.page)).toBeHidden();
  await alice.context.close();
  await bob.context.close();
});
