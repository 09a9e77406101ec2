import { describe, expect, it } from 'vitest';
import { HiddenNameFinder, nameHash, type HiddenNames } from '../../src/core/hidden-names.js';

const SALT = Buffer.from('5a17', 'hex');
const hidden = (...people: [owner: string, ...terms: string[]][]): HiddenNames => ({
  salt: SALT,
  names: people.flatMap(([owner, ...terms]) => terms.map((t) => ({ owner, hash: nameHash(SALT, t), length: t.length }))),
});
const mark = (finder: HiddenNameFinder, text: string) => finder.replace(text, (owner) => `<${owner}>`);

describe('HiddenNameFinder', () => {
  it('finds a name kept only as its hash, glued to Chinese text, and tells whose it is', () => {
    const finder = new HiddenNameFinder(hidden(['a', '王小明', 'wxid_9'], ['b', '李四']));
    expect(mark(finder, '王小明还没打卡，李四也没交，wxid_9 已退群')).toBe('<a>还没打卡，<b>也没交，<a> 已退群');
  });

  it('takes the longest name where two start at one place, in any case, and Latin names only as whole words', () => {
    const finder = new HiddenNameFinder(hidden(['a', 'Li'], ['b', 'Li Wei']));
    expect(mark(finder, 'LI WEI and li, but not like or Lisa')).toBe('<b> and <a>, but not like or Lisa');
  });

  it('leaves a text alone when nothing is hidden, or nothing hidden is in it', () => {
    expect(mark(new HiddenNameFinder({ salt: SALT, names: [] }), '王小明还没打卡')).toBe('王小明还没打卡');
    expect(mark(new HiddenNameFinder(hidden(['a', '王小明'])), '王小红还没打卡')).toBe('王小红还没打卡');
  });

  it('finds a name of one character (length 0) only where it is mentioned', () => {
    const one = (owner: string, name: string) => ({ owner, hash: nameHash(SALT, name), length: 0 });
    const finder = new HiddenNameFinder({ salt: SALT, names: [one('a', '静'), one('b', '🌸')] });
    expect(mark(finder, '@静 请今天交表，安静一点，@静怡 你好，也请 @🌸')).toBe('@<a> 请今天交表，安静一点，@静怡 你好，也请 @<b>');
  });

  it('hashes under the salt: the same name under another salt is not found', () => {
    const other = { ...hidden(['a', '王小明']), salt: Buffer.from('beef', 'hex') };
    expect(mark(new HiddenNameFinder(other), '王小明还没打卡')).toBe('王小明还没打卡');
  });

  it('with upTo, returns only the start, each name in it whole, even one that runs past the limit', () => {
    const finder = new HiddenNameFinder(hidden(['a', '王小明'], ['b', '李四']));
    const text = '请王小明交表，李四也交';
    // The scan stops once three units are made: 请 and <a> (3 units) already reach it.
    expect(finder.replace(text, (owner) => `<${owner}>`, 3)).toBe('请<a>');
    expect(finder.replace(text, (owner) => `<${owner}>`, 2)).toBe('请<a>');
    expect(finder.replace(text, (owner) => `<${owner}>`, 9)).toBe('请<a>交表，<b>');
    expect(finder.replace(text, (owner) => `<${owner}>`)).toBe('请<a>交表，<b>也交');
    expect(new HiddenNameFinder({ salt: SALT, names: [] }).replace(text, (o) => o, 4)).toBe('请王小明');
  });

  it('finds a hidden name whichever script, simplified or traditional, it and the text are written in', () => {
    const finder = new HiddenNameFinder(hidden(['a', '张三'], ['b', '王書記']));
    expect(mark(finder, '張三還沒交，王书记说的')).toBe('<a>還沒交，<b>说的');
  });
});
