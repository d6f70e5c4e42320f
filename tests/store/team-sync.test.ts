import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../src/core/db/brokerages';
import { saveConfiguration } from '../../src/core/db/configuration-save';
import { listAll, readAllBytes } from '../../src/core/team-store/object-store';
import { testTeamKey } from '../support/team-keys';
import { freshPrefix, testStore } from '../support/s3-test-store';
import { configurationInput } from '../unit/team-sync/peers';
import { SimBrowser, syncOk } from '../unit/team-sync/sync-support';

/**
 * The team database's protocol against the real S3 server (Ceph RGW): two browsers start and join
 * a team, edit the same configuration while the store is unreachable for one of them, settle the
 * conflict, compact; the bucket holds nothing readable; an object changed in the bucket is refused.
 */

const SECRETS = ['Acme Freight', 'sk_live_TEAMSECRET', 'Carrier column'];

describe('team sync on a real S3 server', () => {
  it('converges through the bucket, lists the lost edit, compacts, and the bucket host reads nothing', async () => {
    const store = testStore();
    const prefix = freshPrefix('team-sync');
    const key = await testTeamKey();
    const options = { prefix, compaction: { activeDays: 14, snapshotAfterLogs: 3 } };
    const alice = await SimBrowser.open(store, key, 'Alice', { ...options, deviceId: '1'.repeat(32) });
    const bob = await SimBrowser.open(store, key, 'Bob', { ...options, deviceId: '2'.repeat(32) });
    await alice.local((db, now) => createBrokerage(db, SECRETS[0] as string, now), false);
    await alice.local(
      (db, now) =>
        saveConfiguration(
          db,
          {
            ...configurationInput(SECRETS[0] as string, 'Default', { 'load.loadNumber': 'Load' }),
            api_key: SECRETS[1] as string,
          },
          now,
        ),
      false,
    );
    expect((await alice.sync.startTeam()).ok).toBe(true);
    expect((await bob.sync.join()).ok).toBe(true);
    const configId = bob.rows<{ id: number }>('SELECT id FROM brokerage_configurations')[0]?.id ?? 0;

    bob.isOffline = true;
    const edit = (browser: SimBrowser, column: string) =>
      browser.local((db, now) =>
        saveConfiguration(
          db,
          {
            ...configurationInput(SECRETS[0] as string, 'Default', { 'load.loadNumber': column }, configId),
            api_key: '',
          },
          now,
        ),
      );
    await edit(alice, 'From Alice');
    bob.advance(2000);
    await edit(bob, SECRETS[2] as string);
    expect((await syncOk(bob)).unreachable).not.toBeNull();
    expect(bob.sync.pendingCount()).toBeGreaterThan(0);
    await syncOk(alice);
    bob.isOffline = false;
    await syncOk(bob);
    await syncOk(alice);
    expect(await alice.checksum()).toBe(await bob.checksum());
    expect(alice.sync.conflicts().map((c) => [c.field, c.other.person, c.kept?.person])).toEqual([
      ['field_mappings', 'Alice', 'Bob'],
    ]);

    for (let i = 0; i < 4; i++) {
      await alice.local((db, now) => createBrokerage(db, `Extra ${i}`, now));
      await syncOk(alice);
      await syncOk(bob);
    }
    const listed = await listAll(store, prefix);
    if (!listed.ok) throw new Error(listed.error.message);
    const aliceLogs = listed.value.filter((o) => o.name.includes(`${alice.deviceId}/log/`));
    expect(aliceLogs.length, 'compaction deleted logs both had read').toBeLessThan(6);
    for (const object of listed.value) {
      expect(object.name).not.toMatch(/Acme|Default|Alice|Bob/);
      const got = await store.get(object.name);
      if (!got.ok) throw new Error(got.error.message);
      const text = new TextDecoder('latin1').decode(await readAllBytes(got.value.body));
      for (const secret of SECRETS) expect(text.includes(secret), `${object.name} shows "${secret}"`).toBe(false);
    }

    const newest = aliceLogs[aliceLogs.length - 1];
    if (!newest) throw new Error('no log');
    const got = await store.get(newest.name);
    if (!got.ok) throw new Error(got.error.message);
    const bytes = await readAllBytes(got.value.body);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 1;
    const sequence = Number(newest.name.slice(-12)) + 1;
    await store.put(`${prefix}devices/${alice.deviceId}/log/${String(sequence).padStart(12, '0')}`, bytes);
    const report = await syncOk(bob);
    expect(report.refused.map((r) => r.name)).toEqual([
      `devices/${alice.deviceId}/log/${String(sequence).padStart(12, '0')}`,
    ]);
    expect(await alice.checksum()).toBe(await bob.checksum());
  });
});
