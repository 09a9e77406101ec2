import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../src/core/pseudonyms.js';

const people = [
  { id: 'U1', names: ['Li Wei', 'li.wei'] },
  { id: 'U2', names: ['Li'] },
  { id: 'wxid_zhang', names: ['张主任', 'zhangzr'] },
  { id: 'wxid_me', names: ['我'] },
];

describe('Pseudonyms', () => {
  it('replaces names and ids with one stable label per person, in order of first need', () => {
    const p = new Pseudonyms(people);
    expect(p.scrub('@张主任 说了，请 @Li Wei 和 @U1 转告 zhangzr')).toBe('@Member 1 说了，请 @Member 2 和 @Member 2 转告 Member 1');
    expect(p.label('U2')).toBe('Member 3');
    expect(p.scrub('li, please')).toBe('Member 3, please');
  });

  it('matches Latin names as whole words only, and leaves one-character names alone', () => {
    const p = new Pseudonyms(people);
    expect(p.scrub('I like Lisbon; 我们 all agree')).toBe('I like Lisbon; 我们 all agree');
  });

  it('leaves text alone when nobody is known', () => {
    expect(new Pseudonyms([]).scrub('Li Wei')).toBe('Li Wei');
  });
});
