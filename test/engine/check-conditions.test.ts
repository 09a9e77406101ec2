import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { formatProblem } from '../../src/engine/problem.js';
import { ruleDir, ruleYaml } from '../support/rules.js';

describe('custom patterns recheck proves polynomial', () => {
  it('are tried on the slice their window gives: a proved degree can hide a bounded repetition of shared characters', () => {
    // recheck proves degree 2 (from \s* and \d+); 442² steps are allowed, but a run of "，" tries 2^22 ways at each place.
    const pattern = '\\\\s*(?:[，,]|\\\\p{P}){1,22}x\\\\s*\\\\d+';
    const dir = ruleDir({ 'data-request/windowed.yaml': ruleYaml(`  any: [填报]\n  all:\n    - {pattern: "${pattern}", within: 20}`) + 'veto: false\n' });
    expect(loadRuleSet([dir]).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /windowed\.yaml: match\.all\[0\]: pattern .* has polynomial backtracking \(degree 2\), .*, but on 442 characters it ran past 5 s: make it linear/,
      ),
    ]);
  }, 60_000);

  it('still accept a windowed polynomial pattern that does not backtrack for long', () => {
    const fresh = Date.now().toString(36);
    const dir = ruleDir({ 'check-in/deadline.yaml': ruleYaml(`  any: [打卡]\n  all:\n    - {pattern: "\\\\d+点前(?:${fresh})?", within: 20}`) });
    expect(loadRuleSet([dir]).problems).toEqual([]);
  }, 60_000);
});
