import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { ruleDir, ruleYaml } from '../support/rules.js';
import { classify } from '../../src/index.js';

function engineOf(files: Record<string, string>): Engine {
  const { ruleSet, problems } = loadRuleSet([ruleDir(files)]);
  expect(problems).toEqual([]);
  return new Engine(ruleSet);
}

const clockIn = engineOf({
  'contexts/aud.yaml': 'description: audience\nterms: [大家, 全体, everyone]\n',
  'contexts/me.yaml': 'description: first person\nterms: [我今天]\n',
  'check-in/clock.yaml': ruleYaml('  any: [打卡]\n  all:\n    - aud\n    - {terms: [前], within: 6}\n  none: [me]'),
  'like-quota/like.yaml': ruleYaml('  any: [like, "share*"]\n  all: [aud]'),
  'proof-demand/shot.yaml': ruleYaml('  any: [截图]\n  all:\n    - {pattern: "\\\\d+张", after: 5}'),
});

describe('Engine', () => {
  it('reports the rule, category and span of the evidence on the original text', () => {
    const text = '请大家今晚十点前完成打卡';
    const r = clockIn.classify(text);
    expect(r.categories).toEqual(['check-in']);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f.rule).toBe('check-in/clock');
    expect(text.slice(f.span[0], f.span[1])).toBe(f.match);
    expect(f.match).toBe('前完成打卡');
  });

  it('maps spans through normalisation back to the original text', () => {
    const text = '請大家\u200b今晚十點前打\u200b卡';
    const f = clockIn.classify(text).findings[0];
    expect(f.match).toBe('前打\u200b卡');
    expect(text.slice(f.span[0], f.span[1])).toBe(f.match);
  });

  it('leaves the separator a condition widened the evidence to out of the span: the match starts and ends on words', () => {
    const text = "All staff: fill in the weekly hours survey by 11pm tonight.\nReply 'done' when finished.";
    const found = classify(text).findings;
    expect(found.map((f) => f.match)).toEqual(['fill in the weekly hours survey', "Reply 'done'"]);
    for (const f of found) expect(text.slice(f.span[0], f.span[1])).toBe(f.match);
    // A span of separators alone stays whole rather than vanish.
    const dots = engineOf({ 'ack-demand/dots.yaml': ruleYaml('  any: ["。。。"]') });
    expect(dots.classify('好的。。。').findings[0].match).toBe('。。。');
  });

  it('needs every `all` condition and refuses on a `none` condition', () => {
    expect(clockIn.classify('大家完成打卡').categories).toEqual([]); // no deadline near
    expect(clockIn.classify('十点前打卡').categories).toEqual([]); // no audience
    expect(clockIn.classify('我今天和大家八点前打卡了').categories).toEqual([]);
  });

  it('honours proximity: a deadline too far from the trigger does not count', () => {
    expect(clockIn.classify('大家前面说的事情很多很多很多很多，打卡').categories).toEqual([]);
  });

  it('matches Latin terms as whole words unless a star opens them', () => {
    expect(clockIn.classify('Everyone LIKE the post').categories).toEqual(['like-quota']);
    expect(clockIn.classify('everyone likely agrees').categories).toEqual([]);
    expect(clockIn.classify('everyone shares it').categories).toEqual(['like-quota']);
  });

  it('evaluates patterns with their proximity', () => {
    expect(clockIn.classify('截图3张发群里').findings[0].match).toBe('截图3张');
    expect(clockIn.classify('截图发群里，最后要3张').categories).toEqual([]);
  });

  it('sorts categories and reports one finding per rule', () => {
    const r = clockIn.classify('大家八点前打卡，打卡后 like 一下，截图2张');
    expect(r.categories).toEqual(['check-in', 'like-quota', 'proof-demand']);
    expect(r.findings.map((f) => f.rule)).toEqual(['check-in/clock', 'like-quota/like', 'proof-demand/shot']);
  });

  it('skips rules a group switched off', () => {
    expect(clockIn.classify('大家八点前打卡', { disabled: new Set(['check-in/clock']) }).categories).toEqual([]);
  });

  it('classifies huge, binary, control, lone-surrogate and emoji-only text without failing', () => {
    const huge = '大家八点前打卡。'.repeat(200_000);
    expect(clockIn.classify(huge).categories).toEqual(['check-in']);
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536));
    expect(clockIn.classify(binary).findings.every((f) => f.span[1] <= binary.length)).toBe(true);
    expect(clockIn.classify('\u0000\u0001\u0002').categories).toEqual([]);
    expect(clockIn.classify('\ud800\udfff\ud800').categories).toEqual([]);
    expect(clockIn.classify('😀😀😀👍').categories).toEqual([]);
    expect(clockIn.classify('').categories).toEqual([]);
  });
});
