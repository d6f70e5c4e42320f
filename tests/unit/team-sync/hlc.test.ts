import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_COUNTER,
  clockText,
  compareClocks,
  isValidClock,
  laterClock,
  parseClockText,
  tickClock,
  type Hlc,
} from '../../../src/core/team-sync/hlc';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('hybrid logical clock', () => {
  it.each<[string, Hlc, number, Hlc]>([
    ['the wall clock moved on: its time, counter 0', { wall: 1000, counter: 5 }, 2000, { wall: 2000, counter: 0 }],
    ['the same millisecond: the counter counts', { wall: 2000, counter: 0 }, 2000, { wall: 2000, counter: 1 }],
    [
      'the wall clock is behind a clock seen: that clock, counted on',
      { wall: 5000, counter: 3 },
      2000,
      { wall: 5000, counter: 4 },
    ],
    ['the counter full: the next millisecond', { wall: 5000, counter: MAX_COUNTER }, 2000, { wall: 5001, counter: 0 }],
  ])('%s', (_title, last, now, expected) => {
    expect(tickClock(last, now)).toEqual(expected);
  });

  it('a clock taken after seeing another is later, whatever the wall clock says', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(1000), fc.nat(1e12), fc.nat(1e12), (seenWall, seenCounter, lastWall, now) => {
        const seen = { wall: seenWall, counter: seenCounter };
        const next = tickClock(laterClock({ wall: lastWall, counter: 0 }, seen), now);
        expect(compareClocks(next, seen)).toBeGreaterThan(0);
      }),
      { seed: 20261207 },
    );
  });

  it('as text, clocks sort in clock order, the device breaking ties, and read back', () => {
    fc.assert(
      fc.property(fc.nat(1e13), fc.nat(MAX_COUNTER), fc.nat(1e13), fc.nat(MAX_COUNTER), (w1, c1, w2, c2) => {
        const x = { wall: w1, counter: c1 };
        const y = { wall: w2, counter: c2 };
        const byText = Math.sign(clockText(x, A).localeCompare(clockText(y, B)));
        const byClock = Math.sign(compareClocks(x, y)) || -1;
        expect(byText).toBe(byClock);
        expect(parseClockText(clockText(x, A))).toEqual({ ...x, device: A });
      }),
      { seed: 20261208 },
    );
  });

  it.each([
    [{ wall: 978_307_199_999, counter: 0 }, false],
    [{ wall: 978_307_200_000, counter: 0 }, true],
    [{ wall: 1.5, counter: 0 }, false],
    [{ wall: 1_800_000_000_000, counter: -1 }, false],
    [{ wall: 1_800_000_000_000, counter: MAX_COUNTER + 1 }, false],
  ])('a log object may carry %o: %s', (clock, valid) => {
    expect(isValidClock(clock)).toBe(valid);
  });
});
