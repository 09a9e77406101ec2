import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { formatProblem } from '../../src/engine/problem.js';
import { regexSafety } from '../../src/engine/regex-safety.js';
import { ruleDir, ruleYaml } from '../support/rules.js';

describe('regexSafety', () => {
  it('tells linear, polynomial and exponential patterns apart', () => {
    expect(regexSafety('(?:每|各)(?:人|户)\\s*\\d+').safety).toBe('linear');
    expect(regexSafety('\\d+点前').safety).toBe('polynomial');
    expect(regexSafety('(a+)+$').safety).toBe('unsafe');
    expect(regexSafety('([').safety).toBe('unsafe');
  });
});

describe('unsafe patterns in rules', () => {
  it('refuses catastrophic backtracking anywhere, naming the file', () => {
    const p = loadRuleSet([ruleDir({ 'check-in/redos.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(a|aa)+$", within: 10}') })]).problems;
    expect(p.map(formatProblem)).toEqual([expect.stringMatching(/redos\.yaml: match\.all\[0\]: unsafe pattern .*exponential/)]);
  });

  it('allows a polynomial pattern only inside a short window', () => {
    const windowed = ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "\\\\d+点前", within: 20}');
    const open = ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "\\\\d+点前"}');
    expect(loadRuleSet([ruleDir({ 'check-in/w.yaml': windowed })]).problems).toEqual([]);
    expect(loadRuleSet([ruleDir({ 'check-in/o.yaml': open })]).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/o\.yaml: match\.all\[0\]: pattern .* polynomial .* confine it/),
    ]);
  });

  it('checks the patterns of contexts where rules use them', () => {
    const files = {
      'contexts/bad.yaml': 'description: bad\npatterns: ["(x+x+)+y"]\n',
      'check-in/uses.yaml': ruleYaml('  any: [打卡]\n  all: [bad]'),
    };
    expect(loadRuleSet([ruleDir(files)]).problems.map(formatProblem)).toEqual([expect.stringMatching(/uses\.yaml: .*context bad.*unsafe pattern/)]);
  });
});
