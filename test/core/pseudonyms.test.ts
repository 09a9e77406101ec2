import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../src/core/pseudonyms.js';
import { nameHash } from '../../src/core/hidden-names.js';

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

  it('says where it hid a name and how long its pseudonym is, numbering as hide does', () => {
    const salt = Buffer.from('5a17', 'hex');
    const p = new Pseudonyms([], '成员', {
      salt,
      names: [
        { owner: 'a', hash: nameHash(salt, '张三'), length: 2 },
        { owner: 'b', hash: nameHash(salt, '🌸'), length: 0 },
      ],
    });
    expect(p.hide('张三的群')).toBe('成员1的群');
    expect(p.hideTracked('请@🌸 和张三交表')).toEqual({
      text: '请@成员2 和成员1交表',
      replacements: [
        { start: 2, end: 4, length: 3 },
        { start: 6, end: 8, length: 3 },
      ],
      kept: [],
    });
    expect(p.hideTracked('nobody here')).toEqual({ text: 'nobody here', replacements: [], kept: [] });
  });

  it("passes over a known member's name that holds a hidden one, unless the hidden one is as long or longer", () => {
    const salt = Buffer.from('5a17', 'hex');
    const hidden = (owner: string, term: string) => ({ owner, hash: nameHash(salt, term), length: term.length });
    // 张三 was forgotten, 李四光 opted out, and so did W5, whose id the week's member lists still hold.
    const known = [
      { id: 'U9', names: ['张三丰'] },
      { id: 'U8', names: ['李四'] },
      { id: 'W5', names: [] },
    ];
    const p = new Pseudonyms(known, '成员', { salt, names: [hidden('a', '张三'), hidden('b', '李四光'), hidden('c', 'W5')] });
    // 成员1丰 would tell readers that 成员1 is 张三.
    expect(p.hide('@张三丰 请今晚前把表填好，张三也是')).toBe('@张三丰 请今晚前把表填好，成员1也是');
    expect(p.hide('李四光和李四，<@W5>')).toBe('成员2和李四，<@成员3>');
    // Where it kept 张三丰 is told too, so that a cut shows it whole or not at all.
    expect(p.hideTracked('@张三丰和张三')).toEqual({
      text: '@张三丰和成员1',
      replacements: [{ start: 5, end: 7, length: 3 }],
      kept: [{ start: 1, end: 4, length: 3 }],
    });
    // A hidden name that starts inside a known one and runs past it is hidden, the known one shown in part.
    const crossed = new Pseudonyms([{ id: 'U7', names: ['Chen Li'] }], 'Member ', { salt, names: [hidden('d', 'Li Wei')] });
    expect(crossed.hide('ask Chen Li Wei now')).toBe('ask Chen Member 1 now');
    expect(crossed.hide('ask Chen Li now, Li Wei later')).toBe('ask Chen Li now, Member 1 later');
    // The digest's scrub names the known member by their own pseudonym, in the same one scan.
    expect(p.scrub('@张三丰、张三、李四光和李四')).toBe('@成员4、成员1、成员2和成员5');
  });
});
