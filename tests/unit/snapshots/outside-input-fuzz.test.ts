import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from '../../../src/core/snapshots/end-of-day';
import { planFolderRetention, timeInBackupName } from '../../../src/core/snapshots/folder-retention';
import { isSnapshotManifest, type SnapshotManifest } from '../../../src/core/snapshots/manifest';
import { storedSchemaVersion } from '../../../src/worker/engine/first-load';

/**
 * Seeded fuzz tests of what the snapshot code reads from outside: names of files someone put in
 * the backup folder, records read back from IndexedDB, the end-of-day setting, database headers.
 * Fixed seeds: a failure is reproducible, and `npm test` always runs the same cases.
 */
const SEED = 20261122;
const RUNS = { seed: SEED, numRuns: 400 };
const NOW = new Date(2026, 10, 22, 17, 0, 0);

const GOOD: SnapshotManifest = {
  id: '2026-11-22T08:00:00.000Z-abc123',
  takenAt: '2026-11-22T08:00:00.000Z',
  trigger: 'manual',
  note: null,
  counts: {
    brokerages: 1,
    brokerage_configurations: 2,
    upload_history: 3,
    processing_errors: 0,
    configuration_changes: 1,
  },
  databaseSha256: 'a'.repeat(64),
  checksum: null,
  schemaVersion: 1,
  databaseBytes: 4096,
  storedBytes: 900,
  dataChangedAt: null,
  verification: { state: 'pending' },
  pin: null,
};

describe('fuzz: backup folder names', () => {
  // Names near ours: our pattern with characters changed, added or removed, and random text.
  const nearMiss = fc.oneof(
    fc.string(),
    fc
      .tuple(
        fc.constantFrom('ff2api_backup_', 'ff2api_emergency_backup_', 'FF2API_backup_', 'ff2api_backup-'),
        fc.stringMatching(/^[0-9_. ()a-z]{0,24}$/),
        fc.constantFrom('.json', '.JSON', '.json.bak', '', '.tmp'),
      )
      .map((parts) => parts.join('')),
  );

  it('reads a time only from exact names with a real date, and never throws', () => {
    fc.assert(
      fc.property(nearMiss, (name) => {
        const daily = timeInBackupName(name, 'daily');
        if (daily !== null) expect(name).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json$/);
        const emergency = timeInBackupName(name, 'emergency');
        if (emergency !== null) expect(name).toMatch(/^ff2api_emergency_backup_\d{8}_\d{6}\.json$/);
      }),
      RUNS,
    );
  });

  it('retention only ever deletes exact names from daily/ and emergency/, and never touches archive/', () => {
    const listing = fc.record({
      daily: fc.array(nearMiss, { maxLength: 20 }),
      emergency: fc.array(nearMiss, { maxLength: 20 }),
      archive: fc.array(nearMiss, { maxLength: 20 }),
    });
    fc.assert(
      fc.property(listing, (folder) => {
        const plan = planFolderRetention(folder, NOW);
        for (const { dir, name } of plan.remove) {
          expect(folder[dir]).toContain(name);
          expect(timeInBackupName(name, dir)).not.toBeNull();
        }
        for (const name of plan.archive) expect(folder.daily).toContain(name);
      }),
      RUNS,
    );
  });
});

describe('fuzz: records read back from IndexedDB', () => {
  it('accepts a manifest only when every field has its type; mutated records are refused, never crash', () => {
    const keys = Object.keys(GOOD) as (keyof SnapshotManifest)[];
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.anything(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...keys), junk, (key, value) => {
        const accepted = isSnapshotManifest({ ...GOOD, [key]: value });
        const allowed: Record<keyof SnapshotManifest, (v: unknown) => boolean> = {
          id: (v) => typeof v === 'string',
          takenAt: (v) => typeof v === 'string',
          databaseSha256: (v) => typeof v === 'string',
          note: (v) => v === null || typeof v === 'string',
          checksum: (v) => v === null || typeof v === 'string',
          dataChangedAt: (v) => v === null || typeof v === 'string',
          schemaVersion: Number.isFinite,
          databaseBytes: Number.isFinite,
          storedBytes: Number.isFinite,
          pin: (v) => v === null,
          trigger: () => false,
          counts: () => false,
          verification: () => false,
        };
        // A junk value passes only where a value of that kind is valid.
        if (accepted) expect(allowed[key](value)).toBe(true);
        else expect(allowed[key](value)).toBe(false);
      }),
      RUNS,
    );
    expect(isSnapshotManifest(GOOD)).toBe(true);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof isSnapshotManifest(value)).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('reads a schema version only from a real SQLite header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const version = storedSchemaVersion(bytes);
        if (version !== null) expect(new TextDecoder().decode(bytes.subarray(0, 15))).toBe('SQLite format 3');
      }),
      RUNS,
    );
  });
});

describe('fuzz: the end-of-day setting', () => {
  it('parses only real times of day', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => {
        const parsed = parseTimeOfDay(text);
        if (parsed) {
          expect(parsed.hour).toBeGreaterThanOrEqual(0);
          expect(parsed.hour).toBeLessThanOrEqual(23);
          expect(parsed.minute).toBeLessThanOrEqual(59);
        }
      }),
      RUNS,
    );
  });
});
