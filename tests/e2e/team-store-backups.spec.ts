import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ACME, BLUE_LINE, CONFIGURATIONS, seedCatalog } from './helpers/seed';
import {
  allObjects,
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
import { TeamView, type StoreDetails } from './pages/team';

/**
 * Every backup also in the team store, against the real S3 server (Ceph RGW) from Chromium:
 * `Download backup` says "… and in the team store" once the copy is read back and checked; no
 * stored object holds a brokerage name, an API key or a file name readable; end of day, with no
 * folder, writes its file to the store by itself; a fresh browser gets the team's data back with
 * only the store's details and the passphrase; a tampered object is refused and reported.
 */

function storeDetails(prefix: string, change: Partial<StoreDetails> = {}): StoreDetails {
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
    ...change,
  };
}

/** Opens the app, seeds the catalog through the UI and creates the team at `prefix`. */
async function seededTeam(page: Page, prefix: string): Promise<void> {
  await page.goto('/');
  await seedCatalog(new Catalog(page));
  const team = new TeamView(page);
  await team.open();
  await team.createTeam(storeDetails(prefix));
  await team.main.getByRole('button', { name: 'I have kept it safe' }).click();
}

/** `Download backup`, then the copy's words; returns the file's name. */
async function downloadWithStoreCopy(page: Page): Promise<string> {
  const sidebar = new Sidebar(page);
  const download = await sidebar.downloadBackup();
  await expect(sidebar.status(/and in the team store \(read back and checked\)/)).toBeVisible({ timeout: 60_000 });
  return download.suggestedFilename();
}

test('Download backup also goes to the store, checked; nothing readable is stored', async ({ page }) => {
  const prefix = freshPrefix('download');
  await seededTeam(page, prefix);
  const fileName = await downloadWithStoreCopy(page);

  const store = nodeStore();
  const objects = await allObjects(store, prefix);
  expect(objects.map((o) => o.key.slice(prefix.length).replace(/[0-9a-f]{32}/g, 'ID')).sort()).toEqual([
    'devices/ID/backups/ID',
    'ff2api-team.json',
  ]);
  const secrets = [
    ACME,
    BLUE_LINE,
    'Daily loads',
    fileName,
    ...CONFIGURATIONS.flatMap((c) => ('apiKey' in c ? [c.apiKey] : [c.bearerToken])),
    s3Env().secretAccessKey,
    TEAM_PASSPHRASE,
    'Dispatch desk 1',
  ];
  for (const { key, bytes } of objects) {
    const text = new TextDecoder('latin1').decode(bytes);
    for (const secret of secrets) expect(text.includes(secret), `${secret} readable in ${key}`).toBe(false);
  }

  const [key] = await backupKeys(store, prefix);
  const content = await readBackupObject(store, await openTeamKey(store, prefix), prefix, key ?? '');
  expect(content).toContain(ACME);
  expect(content).toContain('ak-acme-1111');

  const team = new TeamView(page);
  await team.open();
  await expect(team.backupRows).toHaveCount(1);
  await expect(team.backupRows.first()).toContainText('Dispatch desk 1');
  await expect(team.backupRows.first()).toContainText('Dana');
  await expect(team.backupRows.first()).toContainText('Verified');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => v.id),
    'the team view with a backup',
  ).toEqual([]);
});

test('end of day, with no backup folder, writes its file to the store by itself, and it reads back', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T16:50:00Z') });
  const prefix = freshPrefix('end-of-day');
  await seededTeam(page, prefix);
  const store = nodeStore();
  expect(await backupKeys(store, prefix)).toEqual([]);

  await page.clock.fastForward('12:00');
  await expect.poll(() => backupKeys(store, prefix), { timeout: 60_000 }).toHaveLength(1);
  const [key] = await backupKeys(store, prefix);
  const content = await readBackupObject(store, await openTeamKey(store, prefix), prefix, key ?? '');
  expect(JSON.parse(content)).toBeTruthy();
  expect(content).toContain(BLUE_LINE);

  const team = new TeamView(page);
  await team.open();
  await expect(team.backupRows.first()).toContainText('End of day');
  await expect(team.backupRows.first()).toContainText('Verified');
  // A checked copy is a backup point: the end-of-day banner does not ask for a download.
  await expect(page.getByRole('region', { name: 'End of day backup' })).toHaveCount(0);
});

test('a fresh browser gets the team’s data back with only the store’s details and the passphrase', async ({
  page,
  browser,
}) => {
  const prefix = freshPrefix('fresh');
  await seededTeam(page, prefix);
  await downloadWithStoreCopy(page);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto('/');
    const sidebar = new Sidebar(other);
    expect(await sidebar.statusText()).toBe('Database is empty');
    const team = new TeamView(other);
    await team.open();
    await team.join(storeDetails(prefix, { browserName: 'New laptop', person: 'Lee' }));
    await sidebar.root.getByRole('button', { name: 'Restore latest from team store' }).click();
    await sidebar.confirmRestore();
    await expect(sidebar.status(/Database restored successfully!.*from the team store/)).toBeVisible({
      timeout: 60_000,
    });
    expect(await sidebar.statusText()).toBe('3 brokerage configs, 0 uploads · 2 brokerages');
  } finally {
    await fresh.close();
  }
});

test('a tampered object is refused and reported; nothing changes', async ({ page }) => {
  const prefix = freshPrefix('tampered');
  await seededTeam(page, prefix);
  await downloadWithStoreCopy(page);
  const store = nodeStore();
  const [key] = await backupKeys(store, prefix);
  const [object] = (await allObjects(store, prefix)).filter((o) => o.key === key);
  if (!object || !key) throw new Error('no backup object');
  object.bytes[object.bytes.length - 30] = (object.bytes[object.bytes.length - 30] ?? 0) ^ 0x40;
  expect((await store.put(key, object.bytes)).ok).toBe(true);

  const sidebar = new Sidebar(page);
  const before = await sidebar.statusText();
  await sidebar.root.getByRole('button', { name: 'Restore latest from team store' }).click();
  await expect(sidebar.alerts.first()).toContainText('failed its integrity check', { timeout: 60_000 });
  await expect(sidebar.alerts.first()).toContainText('nothing from it was used');
  expect(await sidebar.statusText()).toBe(before);
  const team = new TeamView(page);
  await team.open();
  const locations = team.main.getByRole('region', { name: 'Backup locations' });
  await expect(locations.getByRole('row', { name: /Team store/ })).toContainText('integrity check');
});
