import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../../adapters/common/ttl-cache.js';

describe('TtlCache', () => {
  it('loads once while fresh and again after expiry', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<number>(1000, () => now);
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.get('a', load)).toBe(1);
    now = 1000;
    expect(await cache.get('a', load)).toBe(2);
    expect(await cache.get('b', load)).toBe(3);
  });

  it('does not keep a failed load', async () => {
    const cache = new TtlCache<string>(60_000);
    await expect(cache.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 'up')).toBe('up');
  });

  it('peeks at the last value loaded, kept while a reload is under way or failed', async () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, () => now);
    expect(cache.peek('a')).toBeUndefined();
    const first = cache.get('a', async () => 'first');
    expect(cache.peek('a')).toBeUndefined();
    await first;
    expect(cache.peek('a')).toBe('first');
    now = 1000;
    let finish!: (v: string) => void;
    const reload = cache.get('a', () => new Promise<string>((resolve) => (finish = resolve)));
    expect(cache.peek('a')).toBe('first');
    finish('second');
    await reload;
    expect(cache.peek('a')).toBe('second');
    now = 2000;
    await expect(cache.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.peek('a')).toBe('second');
  });
});
