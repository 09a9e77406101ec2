import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { patternExtent } from '../../src/engine/regex-extent.js';
import type { Rule } from '../../src/engine/rule.js';
import { problemsOf, ruleDir, ruleYaml } from '../support/rules.js';

describe('patternExtent', () => {
  it('counts the UTF-16 units one match can span or look at', () => {
    expect(patternExtent('abc')).toBe(3);
    expect(patternExtent('\\d{1,3}%')).toBe(4);
    expect(patternExtent('a{0,80}|bb')).toBe(80);
    expect(patternExtent('[^.!?]{0,80}')).toBe(160); // a negated class may match a character outside the BMP
    expect(patternExtent('\\bfoo\\b')).toBe(5);
    expect(patternExtent('(?<![:.])\\d(?! ?pm)')).toBe(5);
    expect(patternExtent('😀')).toBe(2);
    expect(patternExtent('x*y')).toBe(Infinity);
    expect(patternExtent('(a)\\1')).toBe(Infinity);
  });
});

describe('polynomial patterns in rules', () => {
  const poly = (window: string, pattern = 'x*x*y') => ruleYaml(`  any: [please]\n  all:\n    - {pattern: "${pattern}", ${window}}`);

  it('runs them on the text around the trigger, seeing a match that reaches past the window, spans on the original text', () => {
    const { ruleSet, problems } = loadRuleSet([ruleDir({ 'check-in/poly.yaml': poly('within: 3') })]);
    expect(problems).toEqual([]);
    const engine = new Engine(ruleSet);
    const text = '大家 PLE\u200bASE xxxxxxxxxy now';
    const f = engine.classify(text).findings;
    expect(f.map((x) => x.match)).toEqual(['PLE\u200bASE xxxxxxxxxy']);
    expect(text.slice(f[0].span[0], f[0].span[1])).toBe(f[0].match);
    // The first 32 occurrences of a trigger are tried, each with its own slice.
    expect(engine.classify(`${'please '.repeat(31)}please y`).categories).toEqual(['check-in']);
  });

  it('does not see a match that reaches more than 200 characters past the window', () => {
    const engine = new Engine(loadRuleSet([ruleDir({ 'check-in/poly.yaml': poly('within: 3') })]).ruleSet);
    expect(engine.classify(`please ${'x'.repeat(150)}y`).categories).toEqual(['check-in']);
    expect(engine.classify(`please ${'x'.repeat(300)}y`).categories).toEqual([]);
  });

  it('refuses one whose slice of text would cost too much at its degree, naming the cost', () => {
    expect(problemsOf({ 'check-in/ok.yaml': poly('within: 10') })).toEqual([]);
    expect(problemsOf({ 'check-in/wide.yaml': poly('within: 200', 'x*x*x*x*y') })).toEqual([
      expect.stringMatching(
        /wide\.yaml: match\.all\[0\]: pattern \/x\*x\*x\*x\*y\/ has polynomial backtracking \(degree 5\).* 806 characters .* 806\^5 steps .* narrow its window/,
      ),
    ]);
  });

  it('refuses one a context holds where a rule uses the context without a window', () => {
    const files = {
      'contexts/deadline.yaml': 'description: deadlines\npatterns: ["\\\\d+点前"]\n',
      'check-in/near.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {context: deadline, within: 10}'),
      'check-in/anywhere.yaml': ruleYaml('  any: [打卡]\n  all: [deadline]'),
    };
    expect(problemsOf(files)).toEqual([expect.stringMatching(/anywhere\.yaml: match\.all\[0\] \(context deadline\): pattern .* polynomial .* confine it/)]);
  });

  it('refuses to compile one without a window in a rule set the loader did not check', () => {
    const rule = {
      id: 'check-in/open',
      category: 'check-in',
      match: { any: ['please'], all: [{ kind: 'pattern', pattern: 'x*x*y' }], none: [] },
      file: 'check-in/open.yaml',
    } as unknown as Rule;
    expect(() => new Engine({ rules: [rule], contexts: new Map() })).toThrow('a polynomial pattern needs a window');
  });
});
