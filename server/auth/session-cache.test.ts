import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import type { TSessionRow } from './sessions';

const row = { user_id: 'u' } as TSessionRow;

describe('SessionCache', () => {
  it('keeps a session for the TTL only, and forgets everything on clear', () => {
    let now = 0;
    const c = new SessionCache(1000, 10, () => now);
    c.set('t', row);
    expect(c.get('t')).toBe(row);
    now = 1001;
    expect(c.get('t')).toBeUndefined();
    c.set('t', row);
    c.clear();
    expect(c.get('t')).toBeUndefined();
  });
  it('stores nothing with a zero TTL and never grows past its maximum', () => {
    const off = new SessionCache(0);
    off.set('t', row);
    expect(off.get('t')).toBeUndefined();
    const small = new SessionCache(1000, 2);
    small.set('a', row);
    small.set('b', row);
    small.set('c', row);
    expect(small.get('a')).toBeUndefined();
    expect(small.get('c')).toBe(row);
  });
});
