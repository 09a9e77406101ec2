import { describe, expect, it } from 'vitest';
import { KnownSenders } from '../../../adapters/dingtalk/known-senders.js';
import { createMemoryIdentityStore } from '../../../adapters/common/identity-store.js';

describe('KnownSenders', () => {
  it('gives the id of a person heard from, from memory or from the store past its size, and writes only new pairs', async () => {
    const store = createMemoryIdentityStore();
    const writes: string[] = [];
    const counted = { get: store.get, put: (k: string, v: string) => (writes.push(`${k}=${v}`), store.put(k, v)) };
    const senders = new KnownSenders(counted, 2);
    await senders.remember('$:a', 'staff-a');
    await senders.remember('$:b', 'staff-b');
    await senders.remember('$:a', 'staff-a'); // heard again: no new write
    await senders.remember('$:c', 'staff-c'); // $:b leaves memory, not the store
    expect(writes).toEqual(['sender:$:a=staff-a', 'sender:$:b=staff-b', 'sender:$:c=staff-c']);
    expect(await Promise.all(['$:a', '$:b', '$:c', '$:never', undefined].map((id) => senders.idOf(id)))).toEqual([
      'staff-a',
      'staff-b',
      'staff-c',
      undefined,
      undefined,
    ]);
    // Another process on the same store knows them all.
    expect(await new KnownSenders(store).idOf('$:b')).toBe('staff-b');
  });

  it('writes a pair again when its first write failed (DingTalk redelivers the message)', async () => {
    const store = createMemoryIdentityStore();
    let fail = true;
    const flaky = { get: store.get, put: (k: string, v: string) => (fail ? ((fail = false), Promise.reject(new Error('locked'))) : store.put(k, v)) };
    const senders = new KnownSenders(flaky);
    await expect(senders.remember('$:a', 'staff-a')).rejects.toThrow('locked');
    await senders.remember('$:a', 'staff-a');
    expect(await store.get('sender:$:a')).toBe('staff-a');
  });
});
