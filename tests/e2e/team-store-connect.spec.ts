import { expect, test } from '@playwright/test';
import { startS3Proxy } from './helpers/s3-proxy';
import { freshPrefix, nodeStore, s3Env, TEAM_PASSPHRASE } from './helpers/team-store-node';
import { TeamView, type StoreDetails } from './pages/team';
import { violations } from './helpers/axe';

/**
 * Connecting the app to a real S3 server (Ceph RGW) from Chromium: a wrong secret and a bucket
 * without a CORS rule each get a clear message (and the exact rule to paste, for this page's
 * origin); creating the team shows the recovery key once; a wrong passphrase changes nothing; a
 * store refusing a skewed clock is explained. axe finds no violation in any of these states.
 */

function details(change: Partial<StoreDetails> = {}): StoreDetails {
  const env = s3Env();
  return {
    endpoint: env.endpoint,
    region: env.region,
    bucket: env.bucket,
    prefix: freshPrefix('connect'),
    accessKeyId: env.accessKeyId,
    secretAccessKey: env.secretAccessKey,
    passphrase: TEAM_PASSPHRASE,
    browserName: 'Dispatch desk 1',
    person: 'Dana',
    ...change,
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await new TeamView(page).open();
});

test('a wrong secret: a clear message that names both causes a page cannot tell apart, and nothing is stored', async ({
  page,
}) => {
  const team = new TeamView(page);
  expect(await violations(page), 'the empty form').toEqual([]);
  await team.fill(details({ secretAccessKey: 'not-the-secret-at-all' }));
  await team.connectButton.click();
  await expect(team.alerts.first()).toContainText('The connection check failed, so nothing was stored');
  await expect(team.step('Reach the store')).toContainText(
    /missing the CORS rule for this app, or the store refused these credentials/,
  );
  await expect(team.storeSection.getByText('Connected', { exact: true })).toHaveCount(0);
  expect(await violations(page), 'the failed check').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page), 'the failed check, dark').toEqual([]);
});

test('a bucket without a CORS rule: the message says so and shows the exact rule for this page', async ({
  page,
  baseURL,
}) => {
  const team = new TeamView(page);
  await team.fill(details({ bucket: s3Env().bucketNoCors }));
  await team.testConnection();
  await expect(team.step('CORS rule for this app')).toContainText("add the rule below to the bucket's CORS settings");
  const rule = team.storeSection.locator('details.cors-rule');
  await expect(rule).toHaveAttribute('open', '');
  const json = JSON.parse(await rule.locator('pre').first().innerText()) as {
    AllowedOrigins: string[];
    ExposeHeaders: string[];
  }[];
  expect(json[0]?.AllowedOrigins).toEqual([new URL(baseURL ?? '').origin]);
  expect(json[0]?.ExposeHeaders).toContain('ETag');
  await expect(rule.locator('pre').nth(1)).toContainText(
    `<AllowedOrigin>${new URL(baseURL ?? '').origin}</AllowedOrigin>`,
  );
});

test('an empty prefix creates the team: passphrase twice, the recovery key shown once with the warning', async ({
  page,
}) => {
  const team = new TeamView(page);
  const store = details();
  await team.fill(store);
  await team.testConnection();
  await expect(team.storeSection).toContainText('No team uses this prefix yet: Connect creates one');
  expect(await violations(page), 'the passed check').toEqual([]);
  await team.connectButton.click();
  await team.field('Confirm team passphrase').fill(store.passphrase, { timeout: 30_000 });
  await team.connectButton.click();
  const sheet = team.main.getByRole('region', { name: 'Recovery key' });
  await expect(sheet).toContainText('A lost team passphrase cannot be recovered', { timeout: 30_000 });
  await expect(sheet.locator('code')).toHaveText(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(sheet.getByRole('button', { name: 'Print the recovery key' })).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Copy the recovery key' })).toBeVisible();
  await expect(team.connected).toBeVisible();
  await expect(team.storeSection.getByRole('button', { name: 'Disconnect' })).toBeVisible();
  expect(await violations(page), 'the recovery key and connected').toEqual([]);
  await sheet.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(sheet).toHaveCount(0);
  // Only the manifest is in the store.
  const listed = await nodeStore().list(store.prefix);
  expect(listed.ok && listed.value.objects.map((o) => o.name)).toEqual([`${store.prefix}ff2api-team.json`]);
});

test('a wrong passphrase when joining: a clear message, nothing changed', async ({ page, browser }) => {
  const store = details();
  const first = await browser.newPage();
  await first.goto('/');
  const founder = new TeamView(first);
  await founder.open();
  await founder.createTeam(store);
  await first.close();

  const team = new TeamView(page);
  await team.fill({ ...store, passphrase: 'not the passphrase of this team', browserName: 'Desk 2' });
  await team.connectButton.click();
  await expect(team.alerts.first()).toContainText('That is not the team passphrase. Nothing was changed.', {
    timeout: 30_000,
  });
  await expect(team.storeSection.getByText('Connected', { exact: true })).toHaveCount(0);
  expect(await violations(page), 'the wrong passphrase').toEqual([]);
  await team.field('Team passphrase').fill(store.passphrase);
  await team.connectButton.click();
  await expect(team.connected).toBeVisible({ timeout: 30_000 });
});

test('a store that refuses a skewed clock: the message says to set the clock', async ({ page }) => {
  const proxy = await startS3Proxy(s3Env().endpoint);
  try {
    proxy.mode = 'skew';
    const team = new TeamView(page);
    await team.fill(details({ endpoint: proxy.url }));
    await team.testConnection();
    await expect(team.step('Key and clock')).toContainText("this computer's clock is off by more than 15 minutes");
    await expect(team.step('Key and clock')).toContainText('Set the date and time to update automatically');
  } finally {
    await proxy.close();
  }
});

test('a bucket with versioning and Object Lock: the app says so, and never changes it', async ({ page }) => {
  const team = new TeamView(page);
  await team.createTeam(details({ bucket: s3Env().bucketLocked }));
  await expect(team.storeSection).toContainText('This bucket keeps old versions');
  await expect(team.storeSection).toContainText('Object Lock is on for this bucket');
});
