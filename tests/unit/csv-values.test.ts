import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../src/core/csv/dates';
import { matchEnum } from '../../src/core/csv/enums';
import { parseNumberCell } from '../../src/core/csv/numbers';
import { ENUMS } from '../../src/core/api-field-enums';

describe('number cells', () => {
  it.each([
    ['1250', 1250],
    ['$1,250.50', 1250.5],
    [' 42 ', 42],
    ['-3', -3],
    ['1e3', 1000],
    ['.5', 0.5],
    ['', null],
    ['abc', null],
    ['12abc', null],
    ['$', null],
    ['1,2,3', 123],
    ['NaN', null],
    ['Infinity', null],
  ])('%j → %j', (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected);
  });
});

describe('date cells', () => {
  it.each([
    ['2026-01-15', '2026-01-15T14:00:00.000Z'],
    ['2026-01-15 08:30', '2026-01-15T08:30:00.000Z'],
    ['2026-01-15T08:30:45', '2026-01-15T08:30:45.000Z'],
    ['2026-01-15T08:30:45.123Z', '2026-01-15T08:30:45.000Z'],
    ['2026-01-15T08:30:00-05:00', '2026-01-15T13:30:00.000Z'],
    ['1/15/2026', '2026-01-15T14:00:00.000Z'],
    ['01/15/2026 8:00 AM', '2026-01-15T08:00:00.000Z'],
    ['1/15/2026 12:15 PM', '2026-01-15T12:15:00.000Z'],
    ['1/15/2026 12:15 AM', '2026-01-15T00:15:00.000Z'],
    ['1/15/26 17:45', '2026-01-15T17:45:00.000Z'],
    ['2026/01/15 17:45:10', '2026-01-15T17:45:10.000Z'],
    ['2/30/2026', null],
    ['13/01/2026', null],
    ['2026-01-15 25:00', null],
    ['next tuesday', null],
    ['', null],
    ['1/15/2026 13:00 PM', null],
    ['2024-02-29', '2024-02-29T14:00:00.000Z'],
    ['2026-02-29', null],
    ['1-15-2026', '2026-01-15T14:00:00.000Z'],
    ['1/15-2026', null],
    ['Jan 15, 2026', '2026-01-15T14:00:00.000Z'],
    ['January 15th 2026 8:00 AM', '2026-01-15T08:00:00.000Z'],
    ['Thu, Jan 15, 2026 17:30', '2026-01-15T17:30:00.000Z'],
    ['Sept 3, 2026', '2026-09-03T14:00:00.000Z'],
    ['15-Jan-2026', '2026-01-15T14:00:00.000Z'],
    ['15 Jan 26', '2026-01-15T14:00:00.000Z'],
    ['Foo 15, 2026', null],
    ['31 Feb 2026', null],
    // Day first is refused, not guessed: 05/01/2026 would be 1 May.
    ['15/01/2026', null],
  ])('%j → %j', (text, expected) => {
    expect(parseDateCell(text)).toBe(expected);
  });
});

describe('enum cells', () => {
  it.each([
    ['FTL', ENUMS.mode, 'FTL'],
    ['ftl', ENUMS.mode, 'FTL'],
    ['Full Truckload', ENUMS.mode, 'FTL'],
    ['truckload', ENUMS.mode, 'FTL'],
    ['In Transit', ENUMS.status, 'IN_TRANSIT'],
    ['in-transit', ENUMS.status, 'IN_TRANSIT'],
    ['Cancelled', ENUMS.status, 'CANCELED'],
    ['Dry Van', ENUMS.equipmentType, 'DRY_VAN'],
    ['van', ENUMS.equipmentType, 'DRY_VAN'],
    ['Refrigerated', ENUMS.equipmentType, 'REEFER'],
    ['Pick up', ENUMS.stopActivity, 'PICKUP'],
    ['BOAT', ENUMS.mode, null],
    ['__proto__', ENUMS.mode, null],
    ['constructor', ENUMS.mode, null],
    ['77.5', ENUMS.freightClass, '77.5'],
    ['van', ENUMS.mode, null],
    // The original's table of alternative spellings.
    ['full truck load', ENUMS.mode, 'FTL'],
    ['less truckload', ENUMS.mode, 'LTL'],
    ['hot shot', ENUMS.service, 'HOTSHOT'],
    ['rush', ENUMS.service, 'TIME_CRITICAL'],
    ['deliver', ENUMS.stopActivity, 'DELIVERY'],
    ['information', ENUMS.eventType, 'INFO'],
    ['dispatch', ENUMS.carrierContactRole, 'DISPATCHER'],
    ['administrator', ENUMS.carrierContactRole, 'CARRIER_ADMIN'],
    ['am', ENUMS.brokerageContactRole, 'ACCOUNT_MANAGER'],
    ['ops rep', ENUMS.brokerageContactRole, 'OPERATIONS_REP'],
    ['primary', ENUMS.carrierContactRole, 'DISPATCHER'],
    ['Primary', ENUMS.brokerageContactRole, 'ACCOUNT_MANAGER'],
    ['main', ENUMS.mode, null],
    ['Step Deck', ENUMS.equipmentType, null],
  ])('%j in %j → %j', (text, allowed, expected) => {
    expect(matchEnum(text, allowed)).toBe(expected);
  });
});

describe('moving an API date by whole hours', () => {
  it('agrees with the calendar for any date and shift (law)', async () => {
    const { default: fc } = await import('fast-check');
    const { addHoursToApiDate, formatApiDate } = await import('../../src/core/csv/dates');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2150, 0, 1) }),
        fc.constantFrom(1, 2, 23, 24, 48, 100),
        (ms, hours) => {
          const from = formatApiDate(ms);
          expect(addHoursToApiDate(from, hours)).toBe(formatApiDate(Date.parse(from) + hours * 3_600_000));
        },
      ),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});
