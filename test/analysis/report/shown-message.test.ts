import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { nameHash } from '../../../src/core/hidden-names.js';
import { Pseudonyms } from '../../../src/core/pseudonyms.js';
import { shownMessage } from '../../../src/analysis/report/shown-message.js';
import { SHOWN_MAX } from '../../../src/analysis/report/snippet.js';

const SALT = Buffer.from('5a17', 'hex');
/** The report's pseudonyms with `names` hidden (each its own person), counting the code units it reads for them. */
function hider(...names: string[]) {
  const p = new Pseudonyms([], '成员', { salt: SALT, names: names.map((n, i) => ({ owner: `o${i}`, hash: nameHash(SALT, n), length: n.length })) });
  const read = { units: 0 };
  return { read, hide: p.hide.bind(p), reach: p.reach, hideTracked: (t: string) => ((read.units += t.length), p.hideTracked(t)) };
}
const found = (text: string, words: string, rule = 'r'): Finding => {
  const at = text.indexOf(words);
  return { rule, category: 'data-request', span: [at, at + words.length], match: words };
};
const marked = (shown: { text: string; findings: Finding[] }) => shown.findings.map((f) => shown.text.slice(...f.span));
const filler = (n: number) => '各'.repeat(n);

describe('shownMessage', () => {
  it('shows a message of a normal length whole, its hidden names as pseudonyms, the marks on the same words', () => {
    const text = '@欧阳小明 请今晚前把表填好，谢谢大家配合';
    const shown = shownMessage(text, [found(text, '把表填好')], hider('欧阳小明'));
    expect(shown.text).toBe('@成员1 请今晚前把表填好，谢谢大家配合');
    expect(marked(shown)).toEqual(['把表填好']);
    expect(shown.findings[0].match).toBe('把表填好');
    const plain = '请各位今晚前把表填好'.repeat(40);
    expect(shownMessage(plain, [found(plain, '把表填好')])).toEqual({ text: plain, findings: [found(plain, '把表填好')] });
  });

  it('shows no more than SHOWN_MAX however much longer the pseudonyms are than the names they replace', () => {
    // Each 张三 and 李四 (2 units) shows as 成员1 and 成员2 (3): counted on the text, 800 units showed 1,200.
    let text = '';
    const findings: Finding[] = [];
    while (text.length < 5_000) {
      text += '张三李四，';
      if (text.length % 50 < 5) {
        findings.push({ rule: 'r', category: 'proof-demand', span: [text.length, text.length + 2], match: '截图' });
        text += '截图';
      }
    }
    const shown = shownMessage(text, findings, hider('张三', '李四'));
    const kept = shown.text.replace(/…/g, '');
    expect(kept.length).toBeLessThanOrEqual(SHOWN_MAX);
    expect(kept.length).toBeGreaterThan(SHOWN_MAX - 10);
    expect(kept).not.toMatch(/张三|李四|成员$/);
    expect(new Set(marked(shown).filter(Boolean))).toEqual(new Set(['截图']));
  });

  it("shows a known member's name holding a hidden one whole where an edge of what is shown cuts it", () => {
    // 张三 was forgotten; 张三丰 straddles where the start ends (160) and the end of the window around 交表.
    const p = new Pseudonyms([{ id: 'U9', names: ['张三丰'] }], '成员', { salt: SALT, names: [{ owner: 'a', hash: nameHash(SALT, '张三'), length: 2 }] });
    const text = `${filler(158)}张三丰${filler(839)}交表${filler(59)}张三丰${filler(20_000)}`;
    const shown = shownMessage(text, [found(text, '交表')], p);
    expect(shown.text).toBe(`${filler(158)}张三丰…${filler(60)}交表${filler(59)}张三丰…`);
    expect(marked(shown)).toEqual(['交表']);
  });

  it('shows a long one by its start and the words around its finding, reading for hidden names only those, none cut in half', () => {
    // 王小明 straddles where the start ends (160), 欧阳小明 and 司马相如 the edges of the window around 交表 (60 either side).
    const text = `${filler(158)}王小明${filler(839)}欧阳小明${filler(58)}交表${filler(58)}司马相如${filler(20_000)}`;
    const h = hider('王小明', '欧阳小明', '司马相如');
    const shown = shownMessage(text, [found(text, '交表')], h);
    expect(shown.text).toBe(`${filler(158)}成员1…成员2${filler(58)}交表${filler(58)}成员3…`);
    expect(marked(shown)).toEqual(['交表']);
    expect(h.read.units).toBeLessThan(SHOWN_MAX);
  });

  it('cuts no character in two, and shows no more than SHOWN_MAX however many findings: one left out marks nothing but keeps its rule', () => {
    const family = '👨‍👩‍👧';
    const text = `${filler(159)}${family}${Array.from({ length: 12 }, (_, i) => `${filler(1000)}交表${i}`).join('')}`;
    const findings = Array.from({ length: 12 }, (_, i) => found(text, `交表${i}`, `r${i}`));
    const shown = shownMessage(text, findings);
    expect(shown.text.startsWith(`${filler(159)}…`)).toBe(true);
    expect(shown.text.length).toBeLessThanOrEqual(SHOWN_MAX + 12);
    expect(shown.findings.map((f) => f.rule)).toEqual(findings.map((f) => f.rule));
    const marks = marked(shown);
    expect(marks[0]).toBe('交表0');
    expect(marks.at(-1)).toBe('');
    for (const [i, m] of marks.entries()) expect(['', `交表${i}`]).toContain(m);
  });
});
