import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startS3Proxy, type S3Proxy } from './helpers/s3-proxy';
import { seedCatalog } from './helpers/seed';
import {
  backupKeys,
  freshPrefix,
  nodeStore,
  openTeamKey,
  readBackupObject,
  s3Env,
  TEAM_PASSPHRASE,
} from './helpers/team-store-node';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';
import { TeamView } from './pages/team';

/**
 * The store goes away in the middle of an upload (a proxy in front of Ceph drops it once its first
 * bytes arrive): the local backup file stands, the copy waits — shown, kept across a reload — and
 * goes up by itself once the store answers again (the page's minute tick, on `page.clock`).
 */

let proxy: S3Proxy;

test.beforeEach(async () => {
  proxy = await startS3Proxy(s3Env().endpoint);
});

test.afterEach(async () => {
  await proxy.close();
});

test('the store down mid-upload: the local backup stands and the copy goes later, after a reload', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T09:00:00Z') });
  await page.goto('/');
  await seedCatalog(new Catalog(page));
  const env = s3Env();
  const prefix = freshPrefix('outage');
  const team = new TeamView(page);
  await team.open();
  await team.createTeam({
    ...env,
    prefix,
    passphrase: TEAM_PASSPHRASE,
    browserName: 'Desk 1',
    person: 'Dana',
    endpoint: proxy.url,
  });

  proxy.mode = 'cut';
  const sidebar = new Sidebar(page);
  const download = await sidebar.downloadBackup();
  expect(download.suggestedFilename()).toMatch(/^ff2api_backup_20261124_\d{6}\.json$/);
  const waiting = sidebar.status(/The team store copy is waiting: Could not reach the team store/);
  await expect(waiting).toBeVisible({ timeout: 60_000 });
  await expect(waiting).toContainText(/Backup ready: ff2api_backup_.*It will be tried again at/);
  expect(proxy.seen.some((line) => line.startsWith('PUT'))).toBe(true);
  expect(await backupKeys(nodeStore(), prefix)).toEqual([]);
  // The local file counts: the risk is low again.
  await expect(sidebar.riskBanner).toContainText('Low risk');

  await page.reload();
  await team.open();
  await expect(team.pendingSection.getByRole('listitem')).toContainText(download.suggestedFilename());
  await expect(team.pendingSection.getByRole('listitem')).toContainText('Could not reach the team store');
  await expect(sidebar.root.getByText(/1 copy waiting for the team store/)).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => v.id),
    'a copy waiting',
  ).toEqual([]);

  proxy.mode = 'pass';
  await page.clock.fastForward('02:00');
  await expect(team.pendingSection).toContainText('No copy is waiting', { timeout: 60_000 });
  const store = nodeStore();
  const keys = await backupKeys(store, prefix);
  expect(keys).toHaveLength(1);
  const content = await readBackupObject(store, await openTeamKey(store, prefix), prefix, keys[0] ?? '');
  expect(content).toContain('Acme, Inc.');
  await expect(team.backupRows.first()).toContainText('Verified');
});
