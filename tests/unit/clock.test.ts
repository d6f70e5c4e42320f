import { describe, expect, it } from 'vitest';
import { followingClock } from '../../src/core/clock';

describe('followingClock', () => {
  it('takes the time it is told, then runs on at the pace of its monotonic counter', () => {
    let elapsed = 1_000;
    const clock = followingClock(() => elapsed);
    clock.follow(Date.parse('2026-03-02T17:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2026-03-02T17:00:00.000Z');
    elapsed += 90_000;
    expect(clock.now().toISOString()).toBe('2026-03-02T17:01:30.000Z');
    // The page's clock jumped a day ahead (page.clock.fastForward): the next call says so.
    clock.follow(Date.parse('2026-03-03T17:01:30.000Z'));
    expect(clock.now().toISOString()).toBe('2026-03-03T17:01:30.000Z');
  });
});
