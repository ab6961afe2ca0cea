import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  const clock = { t: 0, now() { return new Date(this.t); } };
  it('keeps entries for the TTL and forgets them after', () => {
    const cache = new TtlCache<string, number>(clock, 5000);
    cache.set('a', 1);
    clock.t = 4999;
    expect(cache.get('a')).toBe(1);
    clock.t = 5000;
    expect(cache.get('a')).toBeUndefined();
  });
  it('drops entries on demand', () => {
    const cache = new TtlCache<string, { user: string }>(clock, 5000);
    cache.set('t1', { user: 'u1' });
    cache.set('t2', { user: 'u2' });
    cache.deleteWhere((v) => v.user === 'u1');
    cache.delete('t2');
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t2')).toBeUndefined();
  });
  it('caches nothing with a TTL of 0', () => {
    const cache = new TtlCache<string, number>(clock, 0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
