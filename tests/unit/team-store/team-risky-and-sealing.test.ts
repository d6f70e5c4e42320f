import { describe, expect, it } from 'vitest';
import { createLockHeader, unlockKeyRing } from '../../../src/core/lock/passphrase-keys';
import { isSealedRecord } from '../../../src/core/lock/sealed-record';
import { RecordCipher } from '../../../src/worker/lock/record-cipher';
import { sealingUploadQueue } from '../../../src/worker/lock/sealing-upload-queue';
import { memoryUploadQueue, type StoreUploadJob } from '../../../src/worker/team-store/upload-queue-store';
import { createTeam, newMemoryStore, seedBrokerage, teamBrowser } from '../../support/team-store-support';

/**
 * The copy before a risky step (a setting), made in the background from the safety snapshot; and
 * the waiting copies sealed at rest by the app lock, like snapshots.
 */

describe('a copy before risky steps', () => {
  it('when chosen, deleting a brokerage also sends its safety copy to the store; never when not chosen', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', 'sk-1');
    await seedBrokerage(browser.api, 'Bolt', 'sk-2');
    const backups = () => [...store.objects.keys()].filter((k) => k.includes('/backups/'));
    const [acme, bolt] = await browser.api.listBrokerages();
    expect((await browser.api.deleteBrokerage(acme?.id ?? 0)).ok).toBe(true);
    await browser.api.whenChecksumsDone();
    expect(backups()).toEqual([]);

    expect((await browser.api.setCopyBeforeRisky(true)).ok).toBe(true);
    expect((await browser.api.deleteBrokerage(bolt?.id ?? 0)).ok).toBe(true);
    await expect
      .poll(
        async () => {
          const listed = await browser.api.listStoreBackups();
          return listed.ok ? listed.value.backups.map((b) => b.backupKind) : [];
        },
        { timeout: 20_000 },
      )
      .toEqual(['before-risky']);
    const listed = await browser.api.listStoreBackups();
    expect(listed.ok && listed.value.backups[0]?.fileName).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json$/);
  });
});

describe('waiting copies at rest', () => {
  const job = (id: string): StoreUploadJob => ({
    id,
    objectId: id,
    key: `ff2api/devices/${'a'.repeat(32)}/backups/${id}`,
    queuedAt: '2026-11-22T08:00:00.000Z',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-11-22T08:00:00.000Z',
    lastError: null,
    createdAt: '2026-11-22T08:00:00.000Z',
    details: {
      backupKind: 'manual',
      fileName: 'ff2api_backup_20261122_080000.json',
      checksum: 'c',
      sha256: '0'.repeat(64),
      sizeBytes: 9,
      counts: {},
      secrets: 'plain',
    },
  });

  it('are sealed while the lock is on, open with its key, and are refused once the key is forgotten', async () => {
    const cipher = new RecordCipher();
    const { header } = await createLockHeader('a long lock passphrase', '2026-11-22T08:00:00.000Z');
    const ring = await unlockKeyRing(header, 'a long lock passphrase');
    cipher.use('on', ring);
    const inner = memoryUploadQueue();
    const queue = sealingUploadQueue(inner, cipher);
    const secret = '{"api_key":"sk-live-should-not-lie-readable"}';
    await queue.add(job('b'.repeat(32)), new Blob([secret]));
    const stored = new Uint8Array(await ((await inner.readFile('b'.repeat(32))) as Blob).arrayBuffer());
    expect(isSealedRecord(stored)).toBe(true);
    expect(new TextDecoder('latin1').decode(stored)).not.toContain('sk-live');
    expect(await ((await queue.readFile('b'.repeat(32))) as Blob).text()).toBe(secret);
    cipher.forget();
    await expect(queue.readFile('b'.repeat(32))).rejects.toThrow(/refused: locked/);
  });

  it('are kept as they are with the lock off, and re-sealed when it is turned on', async () => {
    const cipher = new RecordCipher();
    cipher.use('off', null);
    const inner = memoryUploadQueue();
    const queue = sealingUploadQueue(inner, cipher);
    const file = new Blob(['plain backup file']);
    await queue.add(job('c'.repeat(32)), file);
    expect(await inner.readFile('c'.repeat(32))).toBe(file);
    const { header } = await createLockHeader('a long lock passphrase', '2026-11-22T08:00:00.000Z');
    cipher.use('turning-on', await unlockKeyRing(header, 'a long lock passphrase'));
    expect((await queue.resealAll()).ok).toBe(true);
    const stored = new Uint8Array(await ((await inner.readFile('c'.repeat(32))) as Blob).arrayBuffer());
    expect(isSealedRecord(stored)).toBe(true);
    expect(await ((await queue.readFile('c'.repeat(32))) as Blob).text()).toBe('plain backup file');
  });
});
