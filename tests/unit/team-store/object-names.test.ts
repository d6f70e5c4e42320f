import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newObjectId, objectKey, parseObjectName, type ObjectName } from '../../../src/core/team-store/object-names';
import { normalisePrefix } from '../../../src/core/team-store/store-address';

/** Only names of exactly our layout under our prefix are ours; everything else is foreign. */

const PREFIX = 'teams/dispatch/';
const DEVICE = '0123456789abcdef0123456789abcdef';
const OBJECT = 'fedcba9876543210fedcba9876543210';

describe('object names', () => {
  it.each<ObjectName>([
    { kind: 'manifest' },
    { kind: 'backup', deviceId: DEVICE, objectId: OBJECT },
    { kind: 'log', deviceId: DEVICE, sequence: 42 },
    { kind: 'state', deviceId: DEVICE },
    { kind: 'snapshot', deviceId: DEVICE, objectId: OBJECT },
    { kind: 'probe', probeId: OBJECT },
  ])('%o reads back from its key', (name) => {
    expect(parseObjectName(PREFIX, objectKey(PREFIX, name))).toEqual(name);
  });

  it('a log key sorts by sequence (12 digits)', () => {
    expect(objectKey(PREFIX, { kind: 'log', deviceId: DEVICE, sequence: 7 })).toBe(
      `${PREFIX}devices/${DEVICE}/log/000000000007`,
    );
  });

  it.each([
    ['another prefix', `teams/other/devices/${DEVICE}/backups/${OBJECT}`],
    ['a prefix that only starts the same', `teams/dispatch-old/devices/${DEVICE}/backups/${OBJECT}`],
    ['an upper-case id', `${PREFIX}devices/${DEVICE.toUpperCase()}/backups/${OBJECT}`],
    ['a short id', `${PREFIX}devices/${DEVICE.slice(1)}/backups/${OBJECT}`],
    ['something after the id', `${PREFIX}devices/${DEVICE}/backups/${OBJECT}.json`],
    ['a readable file name', `${PREFIX}devices/${DEVICE}/backups/ff2api_backup_2026-12-07.json`],
    ['a folder marker', `${PREFIX}devices/${DEVICE}/backups/`],
    ['a nested copy', `${PREFIX}old/${PREFIX}devices/${DEVICE}/backups/${OBJECT}`],
    ['a manifest copy', `${PREFIX}ff2api-team.json.bak`],
    ['a short sequence', `${PREFIX}devices/${DEVICE}/log/42`],
  ])('%s is foreign', (_, key) => {
    expect(parseObjectName(PREFIX, key)).toBeNull();
  });

  it('random keys are foreign unless they are exactly a layout name (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (tail) => {
        const parsed = parseObjectName(PREFIX, PREFIX + tail);
        if (parsed) expect(objectKey(PREFIX, parsed)).toBe(PREFIX + tail);
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });

  it('new ids are 128-bit hex and differ', () => {
    const ids = new Set(Array.from({ length: 100 }, newObjectId));
    expect(ids.size).toBe(100);
    expect([...ids].every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });

  it('prefixes are normalised to folder form, and odd ones refused', () => {
    expect(normalisePrefix('')).toBe('');
    expect(normalisePrefix('/teams/dispatch')).toBe('teams/dispatch/');
    expect(normalisePrefix('teams/../other')).toBeNull();
    expect(normalisePrefix('teams/with space')).toBeNull();
  });
});
