import { describe, expect, it } from 'vitest';
import { KnownSenders } from '../../../adapters/dingtalk/known-senders.js';

describe('KnownSenders', () => {
  it('gives the id of a person heard from, keeping the latest binding and forgetting the longest unheard past its size', () => {
    const senders = new KnownSenders(2);
    senders.remember('$:a', 'staff-a');
    senders.remember('$:b', 'staff-b');
    senders.remember('$:a', 'staff-a2'); // heard again: now the most recent
    senders.remember('$:c', 'staff-c');
    expect(['$:a', '$:b', '$:c', undefined].map((id) => senders.idOf(id))).toEqual(['staff-a2', undefined, 'staff-c', undefined]);
  });
});
