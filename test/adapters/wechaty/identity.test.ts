import { describe, expect, it } from 'vitest';
import { IdentityResolver } from '../../../adapters/wechaty/identity.js';
import { createMemoryIdentityStore } from '../../../adapters/common/identity-store.js';

describe('IdentityResolver', () => {
  it('gives the same stable id for the same puppet id, and different ones for different topics', async () => {
    const r = new IdentityResolver(createMemoryIdentityStore());
    const a = await r.resolve('room', '@@r1', '工作群');
    expect(await r.resolve('room', '@@r1', '工作群')).toBe(a);
    expect(await r.resolve('room', '@@r2', '项目群')).not.toBe(a);
    expect(r.puppetIdOf(a)).toBe('@@r1');
  });

  it('matches a new puppet id by topic or name after a re-login, through the store', async () => {
    const store = createMemoryIdentityStore();
    const first = new IdentityResolver(store);
    const room = await first.resolve('room', '@@old', '工作群');
    const person = await first.resolve('contact', '@old', '李雷');
    const second = new IdentityResolver(store);
    expect(await second.resolve('room', '@@new', '工作群')).toBe(room);
    expect(await second.resolve('contact', '@new', '李雷')).toBe(person);
    expect(second.puppetIdOf(room)).toBe('@@new');
  });

  it('carries a stable id over a rename seen while logged in', async () => {
    const store = createMemoryIdentityStore();
    const first = new IdentityResolver(store);
    const room = await first.resolve('room', '@@old', '工作群');
    expect(await first.resolve('room', '@@old', '工作群（新）')).toBe(room);
    expect(first.attributeOf(room)).toBe('工作群（新）');
    const second = new IdentityResolver(store);
    expect(await second.resolve('room', '@@new', '工作群（新）')).toBe(room);
  });

  it('keeps apart two live rooms with one topic, and matches each again after a re-login', async () => {
    const store = createMemoryIdentityStore();
    const first = new IdentityResolver(store);
    const [a, b] = await Promise.all([first.resolve('room', '@@a', '工作群'), first.resolve('room', '@@b', '工作群')]);
    expect(a).not.toBe(b);
    first.forgetSession();
    expect(first.puppetIdOf(a)).toBeUndefined();
    const again = [await first.resolve('room', '@@a2', '工作群'), await first.resolve('room', '@@b2', '工作群')];
    expect(again.sort()).toEqual([a, b].sort());
  });

  it('resolves a room seen by concurrent messages once', async () => {
    const r = new IdentityResolver(createMemoryIdentityStore());
    const ids = await Promise.all(Array.from({ length: 5 }, () => r.resolve('room', '@@r', '工作群')));
    expect(new Set(ids).size).toBe(1);
  });

  it('keeps no names in the store, only hashes of them', async () => {
    const map = new Map<string, string>();
    const r = new IdentityResolver({ get: async (k) => map.get(k), put: async (k, v) => void map.set(k, v) });
    await r.resolve('contact', '@p1', '李雷');
    await r.resolve('room', '@@r1', '办公室通知群');
    expect(map.size).toBe(5); // two keys for each, and the store's salt
    expect(map.get('secret:salt')).toMatch(/^[0-9a-f]{32}$/);
    for (const [key, value] of map) expect(`${key} ${value}`).not.toMatch(/李雷|办公室/);
  });

  it('salts its hashes per store, so a list of names does not map ids back to people', async () => {
    const idIn = async () => {
      const map = new Map<string, string>();
      return new IdentityResolver({ get: async (k) => map.get(k), put: async (k, v) => void map.set(k, v) }).resolve('contact', '@p1', '李雷');
    };
    expect(await idIn()).not.toBe(await idIn());
  });
});
