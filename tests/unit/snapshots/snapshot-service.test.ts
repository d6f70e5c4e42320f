import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock';
import { DEFAULT_END_OF_DAY } from '../../../src/core/snapshots/end-of-day';
import type { TestApi } from '../../support/test-api';
import type { SnapshotStore } from '../../../src/worker/snapshots/snapshot-store';
import { createTestApi, createTestSnapshotStore, createTestStore } from '../../support/test-api';

const T0 = '2026-11-22T08:00:00.000Z';
const MIN = 60_000;

async function seed(api: TestApi, brokerage: string, configurations: string[]) {
  expect((await api.createBrokerage(brokerage)).ok).toBe(true);
  for (const name of configurations) {
    const saved = await api.saveConfiguration({
      brokerage_name: brokerage,
      configuration_name: name,
      description: '',
      auth_type: 'api_key',
      base_url: 'https://api.prod.goaugment.com',
      api_key: `k-${name}`,
      bearer_token: '',
      field_mappings: { 'load.loadNumber': 'load_number' },
    });
    expect(saved.ok).toBe(true);
  }
}

async function names(api: TestApi) {
  return (await api.listBrokerages()).map((b) => b.name);
}

/** Flips one byte in the middle of a stored snapshot's compressed bytes. */
async function damage(store: SnapshotStore, id: string, at = 0.5) {
  const blob = await store.readBytes(id);
  if (!blob) throw new Error('no bytes');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const i = Math.floor(bytes.length * at);
  bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  const [manifest] = (await store.list()).filter((m) => m.id === id);
  if (!manifest) throw new Error('no manifest');
  await store.remove([id]);
  await store.add(manifest, new Blob([bytes]));
}

describe('snapshots through the service', () => {
  it('Take snapshot now stores a verified snapshot with the live counts and the backup checksum', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await seed(api, 'Acme, Inc.', ['Main', 'Night']);
    const taken = await api.takeSnapshot('before the big import');
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.value).toMatchObject({
      trigger: 'manual',
      note: 'before the big import',
      verification: { state: 'verified' },
    });
    expect(taken.value.counts.brokerage_configurations).toBe(2);
    const backup = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!backup.ok) throw new Error(backup.error.message);
    const list = await api.listSnapshots();
    expect(list.snapshots).toHaveLength(1);
    expect(list.snapshots[0]?.keptFor).toContain('newest');
    expect(list.storedBytes).toBeGreaterThan(0);
    expect(list.storedBytes).toBeLessThan(taken.value.databaseBytes);
    // The snapshot downloads as a normal backup file carrying the same content checksum.
    const file = await api.downloadSnapshot(taken.value.id, { secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.receipt.checksum).toBe(backup.value.receipt.checksum);
    // Its manifest gets the same checksum, read from the stored copy once the snapshot counted.
    await api.whenChecksumsDone();
    const [stored] = await api.snapshotManifests();
    expect(stored?.checksum).toBe(backup.value.receipt.checksum);
    expect(file.value.fileName).toBe(`ff2api_backup_${localStamp(new Date(T0))}.json`);
  });

  it('verification catches a changed byte; a damaged snapshot is never offered, the others still restore', async () => {
    const clock = fixedClock(T0);
    const snapshotStore = await createTestSnapshotStore();
    const api = await createTestApi({ clock, snapshotStore });
    await seed(api, 'First', ['A']);
    const good = await api.takeSnapshot();
    clock.advanceHours(1);
    await seed(api, 'Second', ['B']);
    const bad = await api.takeSnapshot();
    if (!good.ok || !bad.ok) throw new Error('snapshots failed');
    await damage(snapshotStore, bad.value.id);
    const verified = await api.verifySnapshot(bad.value.id);
    expect(verified.ok).toBe(false);
    const rows = (await api.listSnapshots()).snapshots;
    expect(rows.find((r) => r.id === bad.value.id)?.verification.state).toBe('failed');
    const refused = await api.inspectSnapshot(bad.value.id);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/did not pass its check/);
    expect((await api.getBackupOverview()).snapshotFailure?.message).toMatch(/did not pass its check/);
    // The good one restores.
    const preview = await api.inspectSnapshot(good.value.id);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.changes.replace.brokerages.remove).toBe(1);
    expect((await api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    expect(await names(api)).toEqual(['First']);
  });

  it('a full re-check recomputes the content checksum from the copy and compares it with the manifest', async () => {
    const snapshotStore = await createTestSnapshotStore();
    const api = await createTestApi({ snapshotStore });
    await seed(api, 'First', ['A']);
    const taken = await api.takeSnapshot();
    if (!taken.ok) throw new Error(taken.error.message);
    expect((await api.verifySnapshot(taken.value.id)).ok).toBe(true);
    const [manifest] = await snapshotStore.list();
    if (!manifest) throw new Error('no manifest');
    await snapshotStore.update({ ...manifest, checksum: 'f'.repeat(64) });
    const again = await api.verifySnapshot(taken.value.id);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/do not match the checksum/);
  });

  it('a damaged copy is also caught when restoring without a fresh check (digest of the stored bytes)', async () => {
    const snapshotStore = await createTestSnapshotStore();
    const api = await createTestApi({ snapshotStore });
    await seed(api, 'First', ['A']);
    const taken = await api.takeSnapshot();
    if (!taken.ok) throw new Error(taken.error.message);
    await damage(snapshotStore, taken.value.id, 0.9);
    const preview = await api.inspectSnapshot(taken.value.id);
    expect(preview.ok).toBe(false);
    expect((await api.listSnapshots()).snapshots[0]?.verification.state).toBe('failed');
  });

  it('restore takes a pinned Before restore snapshot first; undo after a later change says so and can itself be undone', async () => {
    const clock = fixedClock(T0);
    const source = await createTestApi({ clock });
    await seed(source, 'From file', ['A']);
    const file = await source.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    const api = await createTestApi({ clock });
    await seed(api, 'Mine', ['X', 'Y']);
    clock.advanceHours(1);
    const preview = await api.inspectBackup({ name: file.value.fileName, contents: file.value.blob });
    if (!preview.ok) throw new Error(preview.error.message);
    expect((await api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    const [before] = (await api.listSnapshots()).snapshots;
    expect(before).toMatchObject({
      trigger: 'before-restore',
      pin: { kind: 'until', until: new Date(Date.parse(T0) + 3_600_000 + 7 * 86_400_000).toISOString() },
    });
    expect(before?.counts.brokerage_configurations).toBe(2);

    // Nothing changed yet: the undo says so.
    const quiet = await api.describeUndo();
    if (!quiet.ok) throw new Error(quiet.error.message);
    expect(quiet.value).toMatchObject({ kind: 'restore', sourceName: file.value.fileName, changedSince: null });
    const configurations = quiet.value.changes.brokerage_configurations;
    expect(configurations.add + configurations.update).toBe(2);

    clock.advanceHours(1);
    await seed(api, 'Added after the restore', ['Z']);
    const warned = await api.describeUndo();
    if (!warned.ok) throw new Error(warned.error.message);
    expect(warned.value.changedSince?.items.join(' | ')).toMatch(/Added after the restore/);
    expect(warned.value.changedSince?.items.join(' | ')).toMatch(/Created configuration “Z”/);

    const undone = await api.undoRestore();
    expect(undone.ok).toBe(true);
    expect(await names(api)).toEqual(['Mine']);
    const triggers = (await api.listSnapshots()).snapshots.map((s) => s.trigger);
    expect(triggers[0]).toBe('before-undo');
    // Undo the undo: back to the restored data with the change made after it.
    const redo = await api.describeUndo();
    if (!redo.ok) throw new Error(redo.error.message);
    expect(redo.value.kind).toBe('undo');
    expect((await api.undoRestore()).ok).toBe(true);
    expect(await names(api)).toEqual(['Added after the restore', 'From file']);
  });

  it('refuses the restore, changing nothing, when the Before restore snapshot cannot be stored (storage full)', async () => {
    const inner = await createTestSnapshotStore();
    let full = false;
    const snapshotStore: SnapshotStore = {
      ...inner,
      list: () => inner.list(),
      readBytes: (id) => inner.readBytes(id),
      replaceBytes: (id, b) => inner.replaceBytes(id, b),
      update: (m) => inner.update(m),
      remove: (ids) => inner.remove(ids),
      add: async (m, b) =>
        full
          ? {
              ok: false,
              error: { code: 'storage-full', message: 'Browser storage is full, so the snapshot could not be stored.' },
            }
          : inner.add(m, b),
    };
    const source = await createTestApi();
    await seed(source, 'From file', ['A']);
    const file = await source.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    const api = await createTestApi({ snapshotStore });
    await seed(api, 'Mine', ['X']);
    const earlier = await api.takeSnapshot();
    expect(earlier.ok).toBe(true);
    const preview = await api.inspectBackup({ name: 'f.json', contents: file.value.blob });
    if (!preview.ok) throw new Error(preview.error.message);
    const before = api.exportLiveBytes();
    full = true;
    const applied = await api.applyRestore(preview.value.previewId, 'replace');
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/storage is full/);
    expect(api.exportLiveBytes()).toEqual(before);
    expect((await api.listSnapshots()).snapshots).toHaveLength(1);
    expect((await api.getBackupOverview()).snapshotFailure?.message).toMatch(/storage is full/);
    // Deleting a brokerage needs its Before delete snapshot too.
    expect((await api.deleteBrokerage((await api.listBrokerages())[0]?.id ?? 0)).ok).toBe(false);
    expect(await names(api)).toEqual(['Mine']);
  });

  it('restoring a snapshot whose content checksum is still being read waits for that read and uses it', async () => {
    // The background read is held back until released, as a slow helper on a busy machine would be.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const api = await createTestApi({
      wrapChecker: (checker) => ({
        ...checker,
        check: async (compressed, options) => {
          if (options.withChecksum) await released;
          return checker.check(compressed, options);
        },
      }),
    });
    await seed(api, 'Acme, Inc.', ['Main']);
    const taken = await api.takeSnapshot();
    if (!taken.ok) throw new Error(taken.error.message);
    expect((await api.snapshotManifests())[0]?.checksum).toBeNull();
    let settled = false;
    const inspecting = api.inspectSnapshot(taken.value.id).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not a second read-back of every row beside the helper's: the preview waits for its result.
    expect(settled).toBe(false);
    release();
    const preview = await inspecting;
    if (!preview.ok) throw new Error(preview.error.message);
    const [manifest] = await api.snapshotManifests();
    expect(manifest?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    expect(await names(api)).toEqual(['Acme, Inc.']);
  });

  it('deleting a brokerage takes a Before delete snapshot that restores it', async () => {
    const api = await createTestApi();
    await seed(api, 'Acme, Inc.', ['Main']);
    const [acme] = await api.listBrokerages();
    expect((await api.deleteBrokerage(acme?.id ?? 0)).ok).toBe(true);
    const [before] = (await api.listSnapshots()).snapshots;
    expect(before?.trigger).toBe('before-delete');
    const preview = await api.inspectSnapshot(before?.id ?? '');
    if (!preview.ok) throw new Error(preview.error.message);
    await api.applyRestore(preview.value.previewId, 'merge');
    expect(await names(api)).toEqual(['Acme, Inc.']);
  });

  it('the schedule takes After changes after a change and a pause, End of day at 17:00, and nothing when idle', async () => {
    const clock = fixedClock(new Date(2026, 10, 22, 8, 0).toISOString());
    const api = await createTestApi({ clock });
    const tick = () => api.runSnapshotSchedule({ endOfDay: DEFAULT_END_OF_DAY });
    expect((await tick()).took).toBeNull();
    await seed(api, 'Acme', []);
    clock.set(new Date(clock.now().getTime() + MIN));
    expect((await tick()).took).toBeNull();
    clock.set(new Date(clock.now().getTime() + 30 * MIN));
    const after = await tick();
    expect(after.took).toMatchObject({ trigger: 'after-changes', verification: { state: 'verified' } });
    clock.set(new Date(clock.now().getTime() + 60 * MIN));
    expect((await tick()).took).toBeNull();
    clock.set(new Date(2026, 10, 22, 17, 0, 30));
    const endOfDay = await tick();
    expect(endOfDay).toMatchObject({ took: { trigger: 'end-of-day' }, endOfDayRan: true });
    clock.set(new Date(2026, 10, 22, 17, 5));
    expect((await tick()).endOfDayRan).toBe(false);
  });

  it('snapshots the stored database before a schema migration and the migrated one after it', async () => {
    const { loadSqlJs } = await import('../../support/sqljs');
    const SQL = await loadSqlJs();
    const store = await createTestStore();
    // A database from before the first migration: user_version 0.
    const old = new SQL.Database();
    await store.save({ bytes: old.export(), expectedGeneration: 0, savedAt: T0 });
    old.close();
    const api = await createTestApi({ store });
    const triggers = (await api.listSnapshots()).snapshots.map((s) => [s.trigger, s.verification.state, s.pin?.kind]);
    expect(triggers.sort()).toEqual([
      ['after-migration', 'verified', 'until'],
      ['before-migration', 'verified', 'until'],
    ]);
  });

  it('verifies a backup file in a scratch database, logs it, and leaves the live database alone', async () => {
    const source = await createTestApi();
    await seed(source, 'From file', ['A', 'B']);
    const file = await source.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    const api = await createTestApi();
    await seed(api, 'Mine', ['X']);
    const before = api.exportLiveBytes();
    const report = await api.verifyBackupFile({ name: file.value.fileName, contents: file.value.blob });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({
      fileName: file.value.fileName,
      checksum: file.value.receipt.checksum,
      counts: { brokerage_configurations: 2 },
    });
    expect(report.value.restoreMs).toBeGreaterThan(0);
    const [entry] = await api.listActivity(1);
    expect(entry).toMatchObject({ kind: 'verify' });
    expect(entry?.summary).toMatch(/^Verified ff2api_backup_/);
    const overview = await api.getBackupOverview();
    expect(overview.lastFileVerification).toMatchObject({ ok: true, fileName: file.value.fileName });
    expect(overview.lastRestoreMeasure?.what).toMatch(/verification of/);
    // Only the activity log changed: the data is as it was.
    expect(await names(api)).toEqual(['Mine']);
    expect(api.exportLiveBytes().length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    const bad = await api.verifyBackupFile({
      name: 'edited.json',
      contents: new TextEncoder().encode((await file.value.blob.text()).replace('"A"', '"Q"')),
    });
    expect(bad.ok).toBe(false);
    expect((await api.getBackupOverview()).lastFileVerification).toMatchObject({ ok: false, fileName: 'edited.json' });
  });

  it('a folder write counts as the backup point only when recorded as checked; a failure is kept for health', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await seed(api, 'Acme', ['A']);
    const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    expect((await api.checkWrittenFile({ name: 'x', contents: file.value.blob }, file.value.receipt.checksum)).ok).toBe(
      true,
    );
    expect(
      (await api.checkWrittenFile({ name: 'x', contents: file.value.blob.slice(0, 100) }, file.value.receipt.checksum))
        .ok,
    ).toBe(false);
    await api.recordFolderWrite({ ok: false, path: 'daily/x.json', message: 'The backup folder is gone.' });
    expect((await api.getBackupOverview()).folderFailure?.message).toBe('The backup folder is gone.');
    expect((await api.getStatus()).times.lastBackupAt).toBeNull();
    clock.advanceHours(1);
    await api.recordFolderWrite({ ok: true, path: `daily/${file.value.fileName}`, receipt: file.value.receipt });
    const overview = await api.getBackupOverview();
    expect(overview.folderFailure).toBeNull();
    expect(overview.backupFiles[0]).toMatchObject({
      fileName: file.value.fileName,
      where: `backup folder (daily/${file.value.fileName})`,
    });
    expect((await api.getStatus()).times.lastBackupAt).toBe(file.value.receipt.createdAt);
  });

  it('Restore to a time finds the newest verified snapshot at or before it', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await seed(api, 'First', []);
    const morning = await api.takeSnapshot('morning');
    clock.advanceHours(3);
    await seed(api, 'Second', []);
    const noon = await api.takeSnapshot('noon');
    if (!morning.ok || !noon.ok) throw new Error('snapshots failed');
    const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
    expect(await api.findSnapshotAt(at(2))).toMatchObject({ ok: true, value: { note: 'morning' } });
    expect(await api.findSnapshotAt(at(3))).toMatchObject({ ok: true, value: { note: 'noon' } });
    const before = await api.findSnapshotAt(at(-1));
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error.message).toMatch(/No verified snapshot was taken at or before/);
  });

  it('knows when it started without a stored database (the eviction check)', async () => {
    const store = await createTestStore();
    expect((await (await createTestApi({ store })).getBackupOverview()).startedEmpty).toBe(true);
    expect((await (await createTestApi({ store })).getBackupOverview()).startedEmpty).toBe(false);
  });
});

function localStamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}_${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}
