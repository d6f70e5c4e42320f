import { expect, test, type Page } from '@playwright/test';
import { readDownload } from './helpers/backup-files';
import { freshPrefix, s3Env, TEAM_PASSPHRASE } from './helpers/team-store-node';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';
import { TeamView, type StoreDetails } from './pages/team';

/**
 * The team store inside the rest of the app, against the real S3 server (Ceph RGW): its sidebar
 * part keeps to the sidebar's height budget through backups, a drill and a restore from the store
 * (its results fold into Recent activity like every other success); health lists it as one of the
 * locations; the app's settings in a backup file carry none of the store's credentials.
 */

const MINUTE = 60_000;

function storeDetails(prefix: string): StoreDetails {
  const env = s3Env();
  return {
    endpoint: env.endpoint,
    region: env.region,
    bucket: env.bucket,
    prefix,
    accessKeyId: env.accessKeyId,
    secretAccessKey: env.secretAccessKey,
    passphrase: TEAM_PASSPHRASE,
    browserName: 'Dispatch desk 1',
    person: 'Dana',
  };
}

/** The sidebar's content height (its box is the window's height; what is in it can be longer). */
function sidebarHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const aside = document.querySelector('aside[aria-label="Database management"]');
    return Array.from(aside?.children ?? []).reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
  });
}

test('with a team store: a drill on it passes, the sidebar stays within 1.3× its height, health lists it, files carry no store key', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-12-08T08:00:00.000Z') });
  const sidebar = new Sidebar(page);
  const details = storeDetails(freshPrefix('sidebar-health'));
  await page.goto('/');
  await sidebar.setOperatorName('Dana');
  await new Catalog(page).createBrokerage('Coastal Carriers');
  const team = new TeamView(page);
  await team.open();
  await team.createTeam(details);
  await team.main.getByRole('button', { name: 'I have kept it safe' }).click();
  const restoreLatest = sidebar.root.getByRole('button', { name: 'Restore latest from team store' });
  await expect(restoreLatest).toBeVisible();
  const start = await sidebarHeight(page);

  // Two backups, each also copied into the store and checked.
  let file = '';
  for (const round of [1, 2]) {
    const download = await sidebar.downloadBackup();
    await expect(sidebar.status(/and in the team store \(read back and checked\)/)).toBeVisible({ timeout: 60_000 });
    if (round === 2) file = (await readDownload(download)).toString('utf8');
    await page.clock.fastForward(5 * MINUTE);
  }
  // The settings a file carries are the app's own: none of the store's credentials or passphrase.
  expect(file).not.toContain(details.secretAccessKey);
  expect(file).not.toContain(details.accessKeyId);
  expect(file).not.toContain(TEAM_PASSPHRASE);
  const header = (JSON.parse(file) as { backup_info: { app_settings?: Record<string, unknown> } }).backup_info;
  expect(Object.keys(header.app_settings ?? {})).toEqual(['operatorName']);

  // A drill on the team store: one of the team's backups there, fetched, restored apart and compared.
  const backups = new BackupsView(page);
  await backups.open();
  await expect(await backups.runDrill('store')).toContainText('Drill passed');

  // The morning restore, from the store this time.
  await restoreLatest.click();
  await sidebar.confirmRestore();
  await expect(sidebar.status(/Database restored successfully!.*from the team store/)).toBeVisible({
    timeout: 60_000,
  });

  // Health: the store is one of the locations, with its newest good copy.
  const locations = backups.health.getByRole('table', { name: 'Where the copies are' });
  await expect(locations.getByRole('row', { name: /Team store/ })).toContainText(/ff2api_backup_\d{8}_\d{6}\.json/);
  await expect(locations.getByRole('row', { name: /Team store/ })).toContainText('Working');
  await expect(backups.health.getByRole('heading', { name: 'Backup health: Good' })).toBeVisible();

  // A minute later the successes have folded into Recent activity.
  await page.clock.runFor(MINUTE);
  await expect(sidebar.root.getByRole('status').filter({ hasText: /Backup ready|restored successfully/ })).toHaveCount(
    0,
  );
  const end = await sidebarHeight(page);
  expect(end, `start ${Math.round(start)} px, end ${Math.round(end)} px`).toBeLessThanOrEqual(1.3 * start);
});
