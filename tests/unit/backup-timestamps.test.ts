import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIsoUtc, parseTimestamp } from '../../src/core/backup/format/timestamps';

// Naive local times are read in this computer's zone; pin one with daylight saving to test it.
const previousZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Chicago';
});
afterAll(() => {
  process.env.TZ = previousZone;
});

describe('parseTimestamp', () => {
  it.each([
    ['2025-07-08 14:03:11', '2025-07-08T14:03:11.000Z', 'utc', 'SQLite CURRENT_TIMESTAMP is UTC'],
    ['2025-07-08T16:20:05.120044', '2025-07-08T21:20:05.120Z', 'local', 'Python isoformat, summer (UTC−5)'],
    ['2025-01-08T16:20:05.120044', '2025-01-08T22:20:05.120Z', 'local', 'Python isoformat, winter (UTC−6)'],
    ['2025-07-08 16:02:10.551230', '2025-07-08T21:02:10.551Z', 'local', 'str(datetime.now())'],
    ['2025-07-08T16:20:05', '2025-07-08T21:20:05.000Z', 'local', 'isoformat when microseconds are 0'],
    ['2026-11-22T17:00:03.120Z', '2026-11-22T17:00:03.120Z', 'utc', 'ours'],
    ['2026-11-22T17:00:03Z', '2026-11-22T17:00:03.000Z', 'utc', 'ISO without fraction'],
    ['2026-11-22T18:00:03.120+01:00', '2026-11-22T17:00:03.120Z', 'utc', 'an explicit offset'],
  ])('reads %s as %s (%s: %s)', (text, iso, zone) => {
    expect(parseTimestamp(text)).toEqual({ iso, zone });
  });

  it.each([
    'yesterday',
    '',
    '2025-02-30 10:00:00',
    '2025-13-01 00:00:00',
    '2025-07-08 24:00:00',
    '2025-07-08 23:60:00',
    '854492a1-7cfc-4187-99d6-6251994d268d',
    '2025-07-08',
    '07/08/2025 14:03',
    ' 2025-07-08 14:03:11',
  ])('refuses %j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });

  it('accepts only ISO UTC as our own stored form', () => {
    expect(isIsoUtc('2026-11-22T17:00:03.120Z')).toBe(true);
    expect(isIsoUtc('2026-11-22 17:00:03')).toBe(false);
    expect(isIsoUtc('2026-11-22T17:00:03.120')).toBe(false);
    expect(isIsoUtc('2026-02-30T17:00:03.120Z')).toBe(false);
  });

  it.each([
    ['2024-02-29T23:59:59.999Z', true],
    ['2023-02-29T00:00:00.000Z', false],
    ['2000-02-29T00:00:00.000Z', true],
    ['1900-02-29T00:00:00.000Z', false],
    ['0000-01-01T00:00:00.000Z', false],
    ['0001-01-01T00:00:00.000Z', true],
    ['9999-12-31T23:59:59.999Z', true],
    ['2026-13-01T00:00:00.000Z', false],
    ['2026-00-01T00:00:00.000Z', false],
    ['2026-01-00T00:00:00.000Z', false],
    ['2026-04-31T00:00:00.000Z', false],
    ['2026-01-01T24:00:00.000Z', false],
    ['2026-01-01T00:60:00.000Z', false],
    ['2026-01-01T00:00:60.000Z', false],
    ['2026-01-01T00:00:00.0000Z', true],
    ['2026-01-01t00:00:00.000Z', false],
    ['2026-01-01T00:00:00.000z', false],
    ['2026-01-01T00:00:00,000Z', false],
    ['2026-01-01T0a:00:00.000Z', false],
    ['+02026-01-01T00:00:00.00Z', false],
  ])('isIsoUtc(%s) is %s, the same in the 24-character fast path as in the general one', (text, expected) => {
    expect(isIsoUtc(text)).toBe(expected);
  });
});
