import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbLockStore } from '../../src/platform/idb-lock-store';
import type { TestApi } from '../support/test-api';
import { gunzipSync } from 'node:zlib';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import type { SnapshotStore } from '../../src/worker/snapshots/snapshot-store';
import type { LockGate } from '../../src/worker/lock/lock-gate';
import { parseLockHeader, withPhase } from '../../src/core/lock/lock-header';
import { rekeyLockHeader } from '../../src/core/lock/passphrase-keys';
import { newProfile, startWorker, type TestProfile } from '../support/lock-test-api';

const PASSPHRASE = 'correct horse battery staple';
const API_KEY = 'ak-secret-4242-never-plain';
const BEARER = 'bt-secret-7777-never-plain';

/** Data a team would have: a brokerage with punctuation and two configurations holding secrets. */
async function seed(service: TestApi): Promise<void> {
  expect((await service.createBrokerage('Acme, Inc.')).ok).toBe(true);
  const base = {
    brokerage_name: 'Acme, Inc.',
    description: '',
    base_url: 'https://api.acme.example',
    field_mappings: { 'load.loadNumber': 'load_no' },
  };
  expect(
    (
      await service.saveConfiguration({
        ...base,
        configuration_name: 'Daily',
        auth_type: 'api_key',
        api_key: API_KEY,
        bearer_token: '',
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await service.saveConfiguration({
        ...base,
        configuration_name: 'Bulk',
        auth_type: 'bearer_token',
        api_key: '',
        bearer_token: BEARER,
      })
    ).ok,
  ).toBe(true);
}

/**
 * Everything the profile stores at rest, as readable as it gets without the key: the live record,
 * and each snapshot — decompressed when it is a plain gzip, so a key in an unsealed snapshot shows.
 */
async function storedBytes(raw: DatabaseStore, rawSnapshots?: SnapshotStore): Promise<Buffer> {
  const live = await raw.load();
  const parts = [Buffer.from(live?.bytes ?? [])];
  for (const manifest of (await rawSnapshots?.list()) ?? []) {
    const stored = Buffer.from(await ((await rawSnapshots?.readBytes(manifest.id)) ?? new Blob()).arrayBuffer());
    parts.push(isGzip(stored) ? gunzipSync(stored) : stored);
  }
  return Buffer.concat(parts);
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function openService(gate: LockGate<TestApi>): Promise<TestApi> {
  return gate.whenOpen();
}

async function lockedProfile(): Promise<{ profile: TestProfile; before: Uint8Array }> {
  const profile = newProfile();
  const { gate } = await startWorker(profile);
  const service = await openService(gate);
  await seed(service);
  expect(await gate.turnOnLock(PASSPHRASE)).toMatchObject({ ok: true, value: { isOn: true, isLocked: false } });
  return { profile, before: service.exportLiveBytes() };
}

describe('app lock: at rest', () => {
  it('encrypt → store → reload → unlock gives the identical database, and nothing is plain at rest', async () => {
    const { profile, before } = await lockedProfile();
    const { gate, raw } = await startWorker(profile);
    expect(await gate.getLockState()).toMatchObject({ isOn: true, isLocked: true });
    const stored = await storedBytes(raw);
    expect(stored.includes(API_KEY)).toBe(false);
    expect(stored.includes(BEARER)).toBe(false);
    expect(stored.includes('Acme, Inc.')).toBe(false);
    expect(stored.includes('SQLite format 3')).toBe(false);

    expect((await gate.unlock(PASSPHRASE)).ok).toBe(true);
    const service = await openService(gate);
    expect(Buffer.from(service.exportLiveBytes()).equals(Buffer.from(before))).toBe(true);
    expect((await service.listConfigurations('Acme, Inc.')).map((c) => c.configuration_name).sort()).toEqual([
      'Bulk',
      'Daily',
    ]);
    const activity = await service.listActivity();
    expect(activity[0]).toMatchObject({ kind: 'app-lock', summary: expect.stringContaining('turned on') });
    expect(JSON.stringify(activity)).not.toContain(API_KEY);
  });

  it('a wrong passphrase is refused, opens nothing and changes nothing', async () => {
    const { profile } = await lockedProfile();
    const { gate, raw } = await startWorker(profile);
    const stored = await storedBytes(raw);
    const headerBefore = await (await openIdbLockStore(profile.lockIdb)).load();
    const result = await gate.unlock('correct horse battery stapler');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', message: expect.stringContaining('Nothing was opened or changed') },
    });
    expect(await gate.getLockState()).toMatchObject({ isOn: true, isLocked: true });
    expect((await storedBytes(raw)).equals(stored)).toBe(true);
    expect(await (await openIdbLockStore(profile.lockIdb)).load()).toEqual(headerBefore);
    // The right one still works afterwards.
    expect((await gate.unlock(PASSPHRASE)).ok).toBe(true);
  });

  it('a tampered stored record is refused with the right passphrase, and left exactly as it was', async () => {
    const { profile } = await lockedProfile();
    const { raw } = await startWorker(profile);
    const live = await raw.load();
    if (!live) throw new Error('stored database expected');
    const tampered = live.bytes.slice();
    tampered[tampered.length - 100] = (tampered[tampered.length - 100] ?? 0) ^ 0x01;
    expect((await raw.save({ bytes: tampered, expectedGeneration: live.generation, savedAt: live.savedAt })).ok).toBe(
      true,
    );
    const afterTamper = await storedBytes(raw);

    const { gate } = await startWorker(profile);
    const result = await gate.unlock(PASSPHRASE);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'tampered', message: expect.stringContaining('integrity check') },
    });
    expect(await gate.getLockState()).toMatchObject({ isLocked: true });
    expect((await storedBytes(raw)).equals(afterTamper)).toBe(true);
  });

  it('a record whose clear metadata was edited, or a plain database put in its place, is refused', async () => {
    const { profile } = await lockedProfile();
    const { raw } = await startWorker(profile);
    const live = await raw.load();
    if (!live) throw new Error('stored database expected');
    // The live record, edited to claim another save time (metadata is bound into the seal).
    expect(
      (await raw.save({ bytes: live.bytes, expectedGeneration: live.generation, savedAt: '2020-01-01T00:00:00.000Z' }))
        .ok,
    ).toBe(true);
    expect(await (await startWorker(profile)).gate.unlock(PASSPHRASE)).toMatchObject({
      ok: false,
      error: { code: 'tampered' },
    });

    // A plain SQLite file swapped in while the lock is on (a downgrade).
    const other = newProfile();
    const { gate: plainGate } = await startWorker(other);
    const plainBytes = (await openService(plainGate)).exportLiveBytes();
    const current = await raw.load();
    await raw.save({ bytes: plainBytes, expectedGeneration: current?.generation ?? 0, savedAt: live.savedAt });
    expect(await (await startWorker(profile)).gate.unlock(PASSPHRASE)).toMatchObject({
      ok: false,
      error: { code: 'tampered' },
    });
  });

  it('snapshots are sealed too (the Before restore one among them), and restore and undo work the same when unlocked', async () => {
    const { profile } = await lockedProfile();
    const { gate, raw, rawSnapshots } = await startWorker(profile);
    await gate.unlock(PASSPHRASE);
    const service = await openService(gate);
    expect((await service.takeSnapshot('while locked')).ok).toBe(true);
    // A backup of this database restored over it takes a Before restore snapshot (sealed).
    const backup = await service.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!backup.ok) throw new Error(backup.error.message);
    const preview = await service.inspectBackup({ name: backup.value.fileName, contents: backup.value.blob });
    if (!preview.ok) throw new Error(preview.error.message);
    expect((await service.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    const listed = await service.listSnapshots();
    expect(listed.snapshots.length).toBeGreaterThanOrEqual(2);
    expect(listed.snapshots.every((snapshot) => snapshot.verification.state === 'verified')).toBe(true);
    for (const manifest of await rawSnapshots.list()) {
      const stored = Buffer.from(await ((await rawSnapshots.readBytes(manifest.id)) ?? new Blob()).arrayBuffer());
      expect(isGzip(stored), `snapshot ${manifest.id} is stored sealed, not as a plain gzip`).toBe(false);
    }
    expect((await storedBytes(raw, rawSnapshots)).includes(API_KEY)).toBe(false);
    expect((await service.undoRestore()).ok).toBe(true);
    expect((await service.listConfigurations('Acme, Inc.')).length).toBe(2);
  });

  it('turning the lock off opens every snapshot again; turning it on seals the ones taken meanwhile', async () => {
    const { profile } = await lockedProfile();
    const { gate, rawSnapshots } = await startWorker(profile);
    await gate.unlock(PASSPHRASE);
    const service = await openService(gate);
    expect((await service.takeSnapshot('sealed')).ok).toBe(true);
    expect((await gate.turnOffLock(PASSPHRASE)).ok).toBe(true);
    const stored = async () =>
      Promise.all(
        (await rawSnapshots.list()).map(async (m) =>
          Buffer.from(await ((await rawSnapshots.readBytes(m.id)) ?? new Blob()).arrayBuffer()),
        ),
      );
    expect((await stored()).every(isGzip)).toBe(true);
    expect((await service.takeSnapshot('plain')).ok).toBe(true);
    expect((await gate.turnOnLock(PASSPHRASE)).ok).toBe(true);
    const all = await stored();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.some(isGzip)).toBe(false);
    const again = await startWorker(profile);
    await again.gate.unlock(PASSPHRASE);
    const reopened = await openService(again.gate);
    const verified = await Promise.all(
      (await reopened.listSnapshots()).snapshots.map((snapshot) => reopened.verifySnapshot(snapshot.id)),
    );
    expect(verified.map((result) => result.ok && result.value.verification.state)).toEqual(
      verified.map(() => 'verified'),
    );
  });
});

describe('app lock: changes', () => {
  it('changing the passphrase re-seals everything with a new key: the old passphrase stops working', async () => {
    const { profile, before } = await lockedProfile();
    const { gate, raw } = await startWorker(profile);
    await gate.unlock(PASSPHRASE);
    const oldKeyIds = parseLockHeader(await (await openIdbLockStore(profile.lockIdb)).load())?.keys.map((k) => k.id);
    expect(await gate.changePassphrase('not the passphrase', 'a new long passphrase')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect((await gate.changePassphrase(PASSPHRASE, 'a new long passphrase')).ok).toBe(true);
    const header = parseLockHeader(await (await openIdbLockStore(profile.lockIdb)).load());
    expect(header?.phase).toBe('on');
    expect(header?.keys).toHaveLength(1);
    expect(oldKeyIds).not.toContain(header?.keys[0]?.id);
    expect((await storedBytes(raw)).includes(API_KEY)).toBe(false);

    const reloaded = await startWorker(profile);
    expect((await reloaded.gate.unlock(PASSPHRASE)).ok).toBe(false);
    expect((await reloaded.gate.unlock('a new long passphrase')).ok).toBe(true);
    const service = await openService(reloaded.gate);
    expect((await service.listConfigurations('Acme, Inc.')).length).toBe(2);
    expect(service.exportLiveBytes().length).toBeGreaterThanOrEqual(before.length);
  });

  it('a crash half-way through a passphrase change leaves the new passphrase in force and is finished at the next unlock', async () => {
    const { profile } = await lockedProfile();
    const headers = await openIdbLockStore(profile.lockIdb);
    const header = parseLockHeader(await headers.load());
    if (!header) throw new Error('header expected');
    // The change recorded its header, then the tab died before re-sealing a single record.
    const rekeyed = await rekeyLockHeader(header, PASSPHRASE, 'the next passphrase', '2026-11-22T09:00:00.000Z');
    if (!rekeyed) throw new Error('rekey expected');
    await headers.save(rekeyed.header);

    const { gate, raw } = await startWorker(profile);
    expect((await gate.unlock(PASSPHRASE)).ok).toBe(false);
    expect((await gate.unlock('the next passphrase')).ok).toBe(true);
    const service = await openService(gate);
    expect((await service.listConfigurations('Acme, Inc.')).length).toBe(2);
    const settled = parseLockHeader(await headers.load());
    expect(settled?.phase).toBe('on');
    expect(settled?.keys.map((k) => k.id)).toEqual([rekeyed.ring.currentId]);
    expect((await storedBytes(raw)).includes(API_KEY)).toBe(false);
    // Everything is under the new key only: a reload opens it with the new passphrase.
    const again = await startWorker(profile);
    expect((await again.gate.unlock('the next passphrase')).ok).toBe(true);
  });

  it('a crash half-way through turning the lock on is finished at the next unlock', async () => {
    const profile = newProfile();
    const first = await startWorker(profile);
    await seed(await openService(first.gate));
    const { createLockHeader } = await import('../../src/core/lock/passphrase-keys');
    const { header } = await createLockHeader(PASSPHRASE, '2026-11-22T09:00:00.000Z');
    await (await openIdbLockStore(profile.lockIdb)).save(header);
    // The records are still plain: the tab died before re-storing them.
    expect((await storedBytes(first.raw)).includes(API_KEY)).toBe(true);

    const { gate, raw } = await startWorker(profile);
    expect(await gate.getLockState()).toMatchObject({ isOn: true, isLocked: true });
    expect((await gate.unlock(PASSPHRASE)).ok).toBe(true);
    expect((await storedBytes(raw)).includes(API_KEY)).toBe(false);
    expect(parseLockHeader(await (await openIdbLockStore(profile.lockIdb)).load())?.phase).toBe('on');
  });

  it('turning the lock off stores everything plain again and opens without a passphrase', async () => {
    const { profile } = await lockedProfile();
    const { gate, raw } = await startWorker(profile);
    await gate.unlock(PASSPHRASE);
    expect(await gate.turnOffLock('wrong wrong wrong')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await gate.turnOffLock(PASSPHRASE)).toMatchObject({ ok: true, value: { isOn: false } });
    expect((await storedBytes(raw)).includes(API_KEY)).toBe(true);
    expect(await (await openIdbLockStore(profile.lockIdb)).load()).toBeUndefined();
    const reloaded = await startWorker(profile);
    expect(await reloaded.gate.getLockState()).toEqual({ isOn: false });
    expect((await (await openService(reloaded.gate)).listConfigurations('Acme, Inc.')).length).toBe(2);
  });

  it('lock() saves what is pending and forgets the key; a short passphrase is refused up front', async () => {
    const profile = newProfile();
    const { gate } = await startWorker(profile);
    expect(await gate.turnOnLock('short')).toMatchObject({ ok: false, error: { code: 'passphrase-too-short' } });
    expect(await gate.lock()).toMatchObject({ ok: false, error: { code: 'lock-off' } });
    expect((await gate.turnOnLock(PASSPHRASE)).ok).toBe(true);
    await (await openService(gate)).createBrokerage('Written just before locking');
    expect(await gate.lock()).toMatchObject({ ok: true, value: { isLocked: true } });
    const reloaded = await startWorker(profile);
    await reloaded.gate.unlock(PASSPHRASE);
    expect((await (await openService(reloaded.gate)).listBrokerages()).map((b) => b.name)).toEqual([
      'Written just before locking',
    ]);
  });

  it('a damaged lock header is reported, and nothing opens', async () => {
    const { profile } = await lockedProfile();
    const headers = await openIdbLockStore(profile.lockIdb);
    const header = parseLockHeader(await headers.load());
    if (!header) throw new Error('header expected');
    await headers.save({ ...withPhase(header, 'on'), kdf: { ...header.kdf, iterations: 10 } });
    const { gate } = await startWorker(profile);
    expect(await gate.getLockState()).toMatchObject({ isOn: true, isLocked: true, isDamaged: true });
    expect(await gate.unlock(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'lock-damaged' } });
  });
});

describe('app lock: a damaged store', () => {
  it('can be kept aside, untouched, to start empty and restore a backup', async () => {
    const { profile } = await lockedProfile();
    const { raw } = await startWorker(profile);
    const live = await raw.load();
    if (!live) throw new Error('stored database expected');
    const tampered = live.bytes.slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x80;
    await raw.save({ bytes: tampered, expectedGeneration: live.generation, savedAt: live.savedAt });

    const { gate } = await startWorker(profile);
    expect(await gate.unlock(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'tampered' } });
    expect((await gate.unlock(PASSPHRASE, { setDamagedAside: true })).ok).toBe(true);
    const service = await openService(gate);
    const status = await service.getStatus();
    expect(status.persistence).toMatchObject({ state: 'failed', error: { code: 'unreadable-database' } });
    expect(status.counts.brokerage_configurations).toBe(0);

    // The damaged copy is kept (sealed again, its bytes inside unchanged) and nothing plain is stored.
    const { openDB } = await import('idb');
    const idb = await openDB(profile.databaseIdb);
    const keys = (await idb.getAllKeys('snapshots')).map(String);
    expect(keys.some((key) => key.startsWith('unreadable-'))).toBe(true);
    idb.close();
    expect((await storedBytes(raw)).includes(API_KEY)).toBe(false);

    // The fresh, empty database is sealed and opens normally after a reload.
    const reloaded = await startWorker(profile);
    expect((await reloaded.gate.unlock(PASSPHRASE)).ok).toBe(true);
  });
});
