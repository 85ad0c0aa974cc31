import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows the limit within the window, refuses more, and forgets after the window', () => {
    let now = 0;
    const rl = new RateLimiter(3, 1000, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
    expect(rl.take('b')).toBe(true);
    now = 1001;
    expect(rl.take('a')).toBe(true);
  });
});
