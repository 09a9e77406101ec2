import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { formatProblem } from '../../src/engine/problem.js';
import { ruleDir, ruleYaml } from '../support/rules.js';

function problemsOf(files: Record<string, string>): string[] {
  return loadRuleSet([ruleDir(files)]).problems.map(formatProblem);
}

describe('loadRuleSet', () => {
  it('takes the rule id from its path and its category from the folder', () => {
    const { ruleSet, problems } = loadRuleSet([ruleDir({ 'ack-demand/reply.yaml': ruleYaml('  any: [收到]') })]);
    expect(problems).toEqual([]);
    expect(ruleSet.rules.map((r) => [r.id, r.category])).toEqual([['ack-demand/reply', 'ack-demand']]);
  });

  it('names the file for invalid YAML, with its line', () => {
    const [p] = problemsOf({ 'check-in/bad.yaml': 'description: x\nmatch: [unclosed\n' });
    expect(p).toMatch(/check-in\/bad\.yaml:\d+: invalid YAML/);
  });

  it('refuses unknown keys, unknown categories and unknown condition kinds', () => {
    const p = problemsOf({
      'check-in/extra.yaml': ruleYaml('  any: [打卡]') + 'severity: high\n',
      'chores/x.yaml': ruleYaml('  any: [打卡]'),
      'check-in/kind.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {fuzzy: [打卡]}'),
    });
    expect(p.some((x) => /extra\.yaml: rule: unknown key "severity"/.test(x))).toBe(true);
    expect(p.some((x) => /chores\/x\.yaml: path: "chores" is not a category/.test(x))).toBe(true);
    expect(p.some((x) => /kind\.yaml: match\.all\[0\]: unknown key "fuzzy"/.test(x))).toBe(true);
  });

  it('refuses rules with fewer than three examples of each kind', () => {
    const p = problemsOf({ 'check-in/few.yaml': ruleYaml('  any: [打卡]', 'examples:\n  flag: [a, b]\n  pass: [c, d, e]\n') });
    expect(p).toEqual([expect.stringMatching(/few\.yaml: examples\.flag: needs at least 3 entries, has 2/)]);
  });

  it('refuses duplicate ids across folders and unknown contexts', () => {
    const a = ruleDir({ 'check-in/same.yaml': ruleYaml('  any: [打卡]') });
    const b = ruleDir({ 'check-in/same.yaml': ruleYaml('  any: [签到]\n  all: [nobody]') });
    const problems = loadRuleSet([a, b]).problems.map(formatProblem);
    expect(problems).toEqual([expect.stringMatching(/same\.yaml: duplicate rule id "check-in\/same"/)]);
    const c = ruleDir({ 'check-in/ctx.yaml': ruleYaml('  any: [签到]\n  all: [nobody]') });
    expect(loadRuleSet([c]).problems.map(formatProblem)).toEqual([expect.stringMatching(/unknown context "nobody"/)]);
  });

  it('names a missing folder', () => {
    expect(loadRuleSet(['/nonexistent/rules']).problems.map(formatProblem)).toEqual(['/nonexistent/rules: cannot read rule folder (ENOENT)']);
  });
});
