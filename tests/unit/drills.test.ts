import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { judgeDrill } from '../../src/core/drills/drill-verdict';
import { pickDrillCandidate, RECENT_DAYS } from '../../src/core/drills/pick-drill';
import type { DrillCandidate, TableComparison } from '../../src/core/drills/drill-types';
import { assessBackupHealth } from '../../src/core/snapshots/health';
import { healthInputOf } from '../../src/ui/health/health-input';
import { createTestApi, type TestApi } from '../support/test-api';

const DAY = 86_400_000;

async function seed(api: TestApi, brokerage: string, configurations: string[]) {
  expect((await api.createBrokerage(brokerage)).ok).toBe(true);
  for (const name of configurations) {
    const saved = await api.saveConfiguration({
      brokerage_name: brokerage,
      configuration_name: name,
      description: '',
      auth_type: 'api_key',
      base_url: 'https://api.example.com',
      api_key: `k-${name}`,
      bearer_token: '',
      field_mappings: {},
    });
    expect(saved.ok).toBe(true);
  }
}

async function backupFile(api: TestApi) {
  const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
  if (!file.ok) throw new Error(file.error.message);
  return file.value;
}

function folderCandidate(name: string, at: string): DrillCandidate {
  return { origin: 'folder', id: `daily/${name}`, name, at };
}

async function healthLevel(api: TestApi, now: Date) {
  return assessBackupHealth(
    healthInputOf(await api.getStatus(), await api.getBackupOverview(), {
      now,
      folder: { state: 'not-chosen', name: null },
      dataDeleted: null,
    }),
  );
}

describe('a drill', () => {
  it('restores a snapshot apart, compares it with the live data, explains the changes since, passes and is recorded', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 'Acme', ['Daily', 'Weekly']);
    expect((await api.takeSnapshot('before the drill')).ok).toBe(true);
    clock.set(new Date('2026-11-22T09:00:00.000Z'));
    // Changes after the snapshot: a brokerage and a configuration added.
    await seed(api, 'Blue Line', ['Standard']);
    const [candidate] = await api.listSnapshotDrillCandidates();
    if (!candidate) throw new Error('a snapshot candidate expected');
    const drill = await api.runDrill(candidate);
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.outcome).toBe('passed');
    expect(drill.value.notes[0]).toMatch(
      /^Restored apart in \d+(\.\d)? m?s, within the 5-minute target; every difference is explained/,
    );
    expect(drill.value.notes[1]).toBe(
      'Rows in the backup / now: brokerages 1/2, configurations 2/3, upload history 0/0, processing errors 0/0, configuration changes 2/3.',
    );
    expect(drill.value.notes).toContain('Configurations: 2 in the backup, 3 now — 1 added since.');
    const [record] = await api.listDrills();
    expect(record).toMatchObject({ origin: 'snapshot', outcome: 'passed', name: candidate.name, targetMinutes: 5 });
    const [entry] = await api.listActivity(1);
    expect(entry?.summary).toMatch(/^Drill passed: snapshot of .* \(snapshots\), restored apart in/);
    expect((await api.getBackupOverview()).lastCheck).toMatchObject({ kind: 'drill', outcome: 'passed' });
  });

  it('on the copy kept before an undo passes: the undo explains the older rows it brought back', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 'Acme', ['Daily']);
    const file = await backupFile(api);
    clock.set(new Date('2026-11-22T09:00:00.000Z'));
    await seed(api, 'Blue Line', []);
    const preview = await api.inspectBackup({ name: file.fileName, contents: file.blob });
    if (!preview.ok || !preview.value.previewId) throw new Error('a restore preview expected');
    expect((await api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    clock.set(new Date('2026-11-22T10:00:00.000Z'));
    expect((await api.undoRestore()).ok).toBe(true);
    // The Before undo snapshot holds Acme alone; the undo brought Blue Line back, made before it.
    const candidates = await api.listSnapshotDrillCandidates();
    const beforeUndo = candidates.find((c) => c.name.includes('Before undo'));
    if (!beforeUndo) throw new Error(`a Before undo snapshot expected: ${candidates.map((c) => c.name).join(', ')}`);
    const drill = await api.runDrill(beforeUndo);
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.outcome, drill.value.notes.join('\n')).toBe('passed');
    expect(drill.value.notes).toContain('Brokerages: 1 in the backup, 2 now — 1 added since.');
  });

  it('on a damaged backup file fails, is recorded with why, and turns health Critical until a drill passes', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 'Acme', ['Daily']);
    const file = await backupFile(api);
    expect((await api.confirmBackupSaved(file.receipt)).ok).toBe(true);
    const damaged = (await file.blob.text()).replace('k-Daily', 'k-Dai1y');
    clock.set(new Date('2026-11-22T09:00:00.000Z'));
    const drill = await api.runDrill(folderCandidate(file.fileName, file.receipt.createdAt), {
      name: file.fileName,
      contents: new TextEncoder().encode(damaged),
    });
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.outcome).toBe('damaged');
    expect(drill.value.notes[0]).toMatch(/^The backup did not restore: .*changed after it was written/);
    expect((await api.listDrills())[0]).toMatchObject({ outcome: 'damaged', origin: 'folder' });
    const critical = await healthLevel(api, clock.now());
    expect(critical.level).toBe('Critical');
    expect(critical.findings[0]?.text).toMatch(/The last drill found a backup that does not restore/);

    const passed = await api.runDrill(folderCandidate(file.fileName, file.receipt.createdAt), {
      name: file.fileName,
      contents: file.blob,
    });
    expect(passed.ok && passed.value.outcome).toBe('passed');
    expect((await healthLevel(api, clock.now())).level).toBe('Good');
  });

  it('fails when the data differs in ways changes since the backup do not explain', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 'Acme', ['Daily', 'Weekly', 'Monthly']);
    // A file made later elsewhere, without the configurations this browser has had all along.
    clock.set(new Date('2026-11-22T10:00:00.000Z'));
    const elsewhere = await createTestApi({ clock });
    await seed(elsewhere, 'Acme', []);
    const file = await backupFile(elsewhere);
    const drill = await api.runDrill(folderCandidate(file.fileName, file.receipt.createdAt), {
      name: file.fileName,
      contents: file.blob,
    });
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.outcome).toBe('failed');
    expect(drill.value.notes[0]).toMatch(/differences are not explained by changes made since the backup/);
    expect(drill.value.notes).toContain(
      'Configurations: 0 in the backup, 3 now — 3 older than the backup but missing from it.',
    );
  });

  it('over the recovery-time target fails, saying by how much', () => {
    const tables: TableComparison[] = [];
    const candidate = folderCandidate('ff2api_backup_20261122_170000.json', '2026-11-22T17:00:00.000Z');
    const slow = judgeDrill({ candidate, durationMs: 90_000, targetMinutes: 1, tables });
    expect(slow.outcome).toBe('failed');
    expect(slow.notes[0]).toBe('Restoring took 1.5 minutes, over the 1-minute target.');
    expect(judgeDrill({ candidate, durationMs: 50_000, targetMinutes: 1, tables }).outcome).toBe('passed');
  });

  it('an encrypted file without its passphrase is not judged and nothing is recorded', async () => {
    const api = await createTestApi();
    await seed(api, 'Acme', ['Daily']);
    const file = await api.createBackup({
      trigger: 'manual',
      secrets: 'encrypted',
      passphrase: 'correct horse battery staple',
    });
    if (!file.ok) throw new Error(file.error.message);
    const drill = await api.runDrill(folderCandidate(file.value.fileName, file.value.receipt.createdAt), {
      name: file.value.fileName,
      contents: file.value.blob,
    });
    expect(drill.ok).toBe(false);
    if (!drill.ok) expect(drill.error.message).toMatch(/encrypted.*Nothing was recorded/);
    expect(await api.listDrills()).toEqual([]);
  });
});

describe('picking the backup for a drill', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  const arbCandidate = fc.record({
    origin: fc.constantFrom('folder' as const, 'snapshot' as const, 'store' as const),
    id: fc.uuid(),
    name: fc.string(),
    at: fc.integer({ min: 0, max: 90 }).map((days) => new Date(now.getTime() - days * DAY).toISOString()),
  });

  it('always picks a recent one when there is any, and any recent one can be picked', () => {
    fc.assert(
      fc.property(
        fc.array(arbCandidate, { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (candidates, r) => {
          const picked = pickDrillCandidate(candidates, now, () => r);
          expect(picked).not.toBeNull();
          const recent = candidates.filter((c) => now.getTime() - Date.parse(c.at) <= RECENT_DAYS * DAY);
          if (recent.length > 0) expect(recent).toContain(picked);
        },
      ),
    );
  });

  it('reaches every recent candidate (not only the newest)', () => {
    const candidates = [0, 3, 10, 40].map((days) =>
      folderCandidate(`f${days}.json`, new Date(now.getTime() - days * DAY).toISOString()),
    );
    const picks = new Set([0, 0.4, 0.8].map((r) => pickDrillCandidate(candidates, now, () => r)?.name));
    expect(picks).toEqual(new Set(['f0.json', 'f3.json', 'f10.json']));
    expect(pickDrillCandidate([], now, () => 0.5)).toBeNull();
  });
});

describe('safety copies', () => {
  it('deleting a configuration takes a Before delete snapshot first, which brings it back', async () => {
    const api = await createTestApi();
    await seed(api, 'Acme', ['Daily', 'Weekly']);
    const [daily] = await api.listConfigurations('Acme');
    expect((await api.deleteConfiguration(daily?.id ?? 0)).ok).toBe(true);
    const [before] = (await api.listSnapshots()).snapshots;
    expect(before?.trigger).toBe('before-delete');
    expect(before?.counts.brokerage_configurations).toBe(2);
  });
});
