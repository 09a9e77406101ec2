import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

const ROOT = join(import.meta.dirname, '../..');

describe('regexSafety bounds', () => {
  it('refuses backreferences outright: no analysis bounds them, and one crashed the checker', () => {
    expect(regexSafety('(a|b\\1)+c')).toEqual({ safety: 'unsafe', why: 'backreferences (\\1, \\k<name>) are not allowed' });
    expect(regexSafety('(?<q>["“])[^"”]{1,20}\\k<q>').safety).toBe('unsafe');
    expect(regexSafety('\\\\1').safety).toBe('linear'); // a backslash, then 1
  });

  it('gives up on a pattern whose check does not answer in time, instead of waiting for ever', () => {
    // In a child: the hard bound is read when the checker first loads. A fresh pattern, so no cached verdict answers.
    const fresh = `打卡${Date.now()}(?:a|b)c`;
    const script = `import { regexSafety } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/engine/regex-safety.ts')).href)};
console.log(JSON.stringify(regexSafety(${JSON.stringify(fresh)})));`;
    const child = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/ts-loader.mjs'), '--input-type=module', '-e', script], {
      env: { ...process.env, SYNCKIT_TIMEOUT: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.signal).toBeNull();
    expect(JSON.parse(child.stdout)).toEqual({ safety: 'unsafe', why: 'its backtracking could not be proven safe' });
  }, 70_000);
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

  it('tries out a custom pattern whose degree recheck only estimated, on the texts its use can see', () => {
    // recheck calls it "4th degree polynomial (fuzz)"; on 30 digits it backtracks for minutes: \w and \d overlap.
    const hang = ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(?:\\\\w|\\\\d){1,40}z", within: 1}');
    expect(loadRuleSet([ruleDir({ 'check-in/hang.yaml': hang })]).problems.map(formatProblem)).toEqual([
      // recheck's fuzzing may also find it exponential: refused either way.
      expect.stringMatching(
        /hang\.yaml: match\.all\[0\]: (pattern .* by recheck's estimate, but on \d+ characters it ran past 5 s|unsafe pattern .*exponential)/,
      ),
    ]);
  }, 60_000);

  it('tries out a custom pattern recheck rates linear on a whole message: a bounded repetition of overlapping classes backtracks 2^20 times a place', () => {
    const hang = ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(?:\\\\w|\\\\d){1,20}z"}');
    expect(loadRuleSet([ruleDir({ 'check-in/bounded.yaml': hang })]).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/bounded\.yaml: match\.all\[0\]: (pattern .* ran past 5 s on a message of 65536 characters|unsafe pattern)/),
    ]);
  }, 60_000);

  it('checks the patterns of contexts where rules use them', () => {
    const files = {
      'contexts/bad.yaml': 'description: bad\npatterns: ["(x+x+)+y"]\n',
      'check-in/uses.yaml': ruleYaml('  any: [打卡]\n  all: [bad]'),
    };
    expect(loadRuleSet([ruleDir(files)]).problems.map(formatProblem)).toEqual([expect.stringMatching(/uses\.yaml: .*context bad.*unsafe pattern/)]);
  });
});
