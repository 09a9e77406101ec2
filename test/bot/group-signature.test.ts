import { describe, expect, it } from 'vitest';
import { sameSignature, signatureOf } from '../../src/bot/group-signature.js';

describe('group signature', () => {
  const group = { id: 'g1', name: 'ops', memberCount: 3, members: ['u1', 'u2', 'admin'] };

  it('reads a group as unchanged when its fields and members are the same, in another list too', () => {
    expect(sameSignature(signatureOf(group), { ...group })).toBe(true);
    expect(sameSignature(signatureOf(group), { ...group, members: [...group.members] })).toBe(true);
  });

  it('reads it as changed when a member is swapped for another, its name, its size or its coverage changes', () => {
    const seen = signatureOf(group);
    expect(sameSignature(seen, { ...group, members: ['u1', 'u3', 'admin'] })).toBe(false);
    expect(sameSignature(seen, { ...group, members: undefined })).toBe(false);
    expect(sameSignature(seen, { ...group, name: 'ops 2' })).toBe(false);
    expect(sameSignature(seen, { ...group, memberCount: 4 })).toBe(false);
    expect(sameSignature(seen, { ...group, coverage: 'mentions-only' })).toBe(false);
  });
});
