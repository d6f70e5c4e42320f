import { expect, test } from '@playwright/test';
import { listAll } from '../../src/core/team-store/object-store';
import { freshPrefix, nodeStore, s3Env, TEAM_PASSPHRASE } from './helpers/team-store-node';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';
import { TeamView } from './pages/team';

/**
 * Retention in the store over a simulated year (`page.clock`), against the real S3 server: a
 * backup now and then through 2026 into 2027, each read back and checked, each followed by a
 * retention run. At the end exactly the right ones are gone — and never a foreign object, another
 * browser's backup or anything under another prefix.
 */

// Noon UTC: the same local day in any zone the worker might see.
const DAYS = [
  ['2026-01-05', 'manual'],
  ['2026-01-20', 'manual'],
  ['2026-03-03', 'manual'],
  ['2026-05-05', 'manual'],
  ['2026-07-07', 'manual'],
  ['2026-09-01', 'manual'],
  ['2026-10-20', 'emergency'],
  ['2026-11-03', 'manual'],
  ['2026-11-24', 'manual'],
  ['2026-12-22', 'manual'],
  ['2027-01-12', 'manual'],
] as const;

/**
 * Kept on 2027-01-12: the first of 2026 (7 years), the firsts of the last 12 months, the emergency
 * (90 days) and the last 30 days.
 */
const KEPT = [
  '2026-01-05',
  '2026-03-03',
  '2026-05-05',
  '2026-07-07',
  '2026-09-01',
  '2026-10-20',
  '2026-11-03',
  '2026-12-22',
  '2027-01-12',
];

test('a year of backups: exactly the right ones are deleted, never a foreign object', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date(`${DAYS[0][0]}T12:00:00Z`) });
  await page.goto('/');
  await new Catalog(page).createBrokerage('Acme, Inc.');
  const env = s3Env();
  const prefix = freshPrefix('year');
  const team = new TeamView(page);
  await team.open();
  await team.createTeam({ ...env, prefix, passphrase: TEAM_PASSPHRASE, browserName: 'Desk 1', person: 'Dana' });
  const deviceId = /writes only under its own id, ([0-9a-f]{32})/.exec(await team.storeSection.innerText())?.[1] ?? '';
  expect(deviceId).toMatch(/^[0-9a-f]{32}$/);

  const store = nodeStore();
  const ownFolder = `${prefix}devices/${deviceId}/backups/`;
  const foreign = [
    `${ownFolder}notes.txt`,
    `${prefix}devices/${'a'.repeat(32)}/backups/${'b'.repeat(32)}`,
    `${prefix}readme.txt`,
    `${freshPrefix('other-team')}devices/${deviceId}/backups/${'c'.repeat(32)}`,
  ];
  for (const key of foreign)
    expect((await store.put(key, new TextEncoder().encode('not ours, very old'))).ok).toBe(true);
  const own = async () => {
    const listed = await listAll(store, ownFolder);
    if (!listed.ok) throw new Error(listed.error.detail);
    return new Set(listed.value.map((o) => o.name).filter((name) => /\/[0-9a-f]{32}$/.test(name)));
  };

  const sidebar = new Sidebar(page);
  const made = new Map<string, string>();
  for (const [day, kind] of DAYS) {
    await page.clock.setSystemTime(new Date(`${day}T12:00:00Z`));
    const before = await own();
    if (kind === 'emergency') await sidebar.emergencyBackup();
    else await sidebar.downloadBackup();
    await expect(sidebar.status(/and in the team store \(read back and checked\)/)).toBeVisible({ timeout: 60_000 });
    const added = [...(await own())].filter((key) => !before.has(key));
    expect(added, `one new object on ${day}`).toHaveLength(1);
    made.set(added[0] ?? '', day);
  }

  const left = [...(await own())].map((key) => made.get(key)).sort();
  expect(left).toEqual(KEPT);
  for (const key of foreign) expect((await store.head(key)).ok, `${key} is still there`).toBe(true);
  await team.open();
  await expect(team.storeSection).toBeVisible();
  await expect(team.backupRows).toHaveCount(KEPT.length);
});
