import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/core/excerpt.js';
import { nameHash } from '../../src/core/hidden-names.js';
import { Pseudonyms } from '../../src/core/pseudonyms.js';

const salt = Buffer.from('5a17', 'hex');
/** 张三 forgotten, 张三丰 known, as a report hides them. */
const p = new Pseudonyms([{ id: 'U9', names: ['张三丰'] }], '成员', { salt, names: [{ owner: 'a', hash: nameHash(salt, '张三'), length: 2 }] });

describe('excerpt', () => {
  it('cuts before a name the cut would split: half of a known one may be a hidden one', () => {
    const text = '请各位老师于今天下午五点前把表格填好发到群里张三丰 谢谢';
    // 25 characters: the cut after 24 would leave 张三, the hidden name, of 张三丰.
    expect(excerpt(text, 24, (t, upTo, found) => p.hide(t, upTo, found))).toBe('请各位老师于今天下午五点前把表格填好发到群里…');
    expect(excerpt(text, 26, (t, upTo, found) => p.hide(t, upTo, found))).toBe('请各位老师于今天下午五点前把表格填好发到群里张三丰 …');
  });

  it('cuts before a pseudonym the cut would split, which would read as another', () => {
    const text = '请各位老师于今天下午五点前把表格填好发到群里@张三 谢谢';
    expect(excerpt(text, 24, (t, upTo, found) => p.hide(t, upTo, found))).toBe('请各位老师于今天下午五点前把表格填好发到群里@…');
  });
});
