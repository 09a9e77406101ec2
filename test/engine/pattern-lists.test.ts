import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Engine } from '../../src/engine/engine.js';
import { BUILTIN_RULES_DIR, createEngine } from '../../src/engine/index.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { MAX_PATTERN_LENGTH } from '../../src/engine/pattern-lists.js';
import { formatProblem } from '../../src/engine/problem.js';
import { runCli } from '../support/run-cli.js';
import { problemsOf, ruleDir, ruleYaml } from '../support/rules.js';

const withPattern = (pattern: string, where = 'all') => ruleYaml(`  any: [打卡]\n  ${where}:\n    - {pattern: '${pattern}', within: 20}`);
describe('named lists in patterns', () => {
  it('reads {{name}} as its items in order, lists inside lists too', () => {
    const { ruleSet, problems } = loadRuleSet([
      ruleDir({
        'lists/when.yaml': 'description: when\nitems: [今晚, "{{days}}"]\n',
        'lists/days.yaml': 'description: days\nitems: [明天, "\\\\d+号"]\n',
        'check-in/dated.yaml': withPattern('{{when}}前'),
      }),
    ]);
    expect(problems).toEqual([]);
    expect(ruleSet.rules[0].match.all[0]).toMatchObject({ pattern: '(?:今晚|(?:明天|\\d+号))前' });
    const engine = new Engine(ruleSet);
    for (const text of ['今晚前打卡', '明天前打卡', '5号前打卡']) expect(engine.classify(text).categories).toEqual(['check-in']);
    expect(engine.classify('下周打卡').categories).toEqual([]);
  });

  it('lets a custom folder use the built-in lists, in rules and contexts alike', () => {
    const dir = ruleDir({
      'contexts/not-unit.yaml': "description: x\npatterns: ['\\bper {{en-not-a-unit}}\\b']\n",
      'ranking-pressure/per-team.yaml': ruleYaml(
        "  any: [likes]\n  all:\n    - {pattern: '\\bper (?!{{en-not-a-unit}}\\b)[a-z]{3,}', within: 20}\n  none: [not-unit]",
      ),
    });
    const engine = createEngine([dir], { model: null });
    const ours = (text: string) => engine.classify(text).findings.filter((f) => f.rule === 'ranking-pressure/per-team');
    expect(ours('likes per team are on the board')).toHaveLength(1);
    expect(ours('likes per day are on the board')).toEqual([]);
  });

  it('refuses an unknown list and a list that refers to itself, naming the file', () => {
    expect(problemsOf({ 'check-in/x.yaml': withPattern('{{nowhere}}') })).toEqual([
      expect.stringMatching(/check-in\/x\.yaml: match\.all\[0\]\.pattern: unknown list "nowhere" \(no lists\/nowhere\.yaml\)$/),
    ]);
    const loop = problemsOf({
      'lists/a.yaml': 'description: a\nitems: [x, "{{b}}"]\n',
      'lists/b.yaml': 'description: b\nitems: ["{{a}}"]\n',
      'check-in/y.yaml': withPattern('{{a}}', 'none'),
    });
    expect(loop).toEqual([expect.stringMatching(/check-in\/y\.yaml: match\.none\[0\]\.pattern: list "a" refers to itself \(a -> b -> a\)$/)]);
  });

  it('refuses lists that nest into a pattern too long to check, at once and in one short line', () => {
    // Six lists, each naming the next thirty times: written out, 30^6 copies (gigabytes).
    const files: Record<string, string> = { 'lists/n6.yaml': 'description: n\nitems: [ab]\n', 'check-in/x.yaml': withPattern('x{{n0}}') };
    for (let i = 0; i < 6; i++) files[`lists/n${i}.yaml`] = `description: n\nitems: ["${`{{n${i + 1}}}`.repeat(30)}"]\n`;
    const started = Date.now();
    const problems = problemsOf(files);
    expect(Date.now() - started).toBeLessThan(20_000); // a bound that catches the blow-up, not a timing
    expect(problems).toEqual([
      expect.stringMatching(/check-in\/x\.yaml: match\.all\[0\]\.pattern: its lists written out make it longer than 20,000 characters$/),
    ]);
  });

  it('refuses a list without items and a list defined twice', () => {
    const p = problemsOf({ 'lists/empty.yaml': 'description: e\nitems: []\n', 'lists/odd.yaml': 'description: o\nwords: [x]\n' });
    expect(p).toContainEqual(expect.stringMatching(/lists\/empty\.yaml: items: needs at least 1 entries, has 0/));
    expect(p).toContainEqual(expect.stringMatching(/lists\/odd\.yaml: list: unknown key "words" \(allowed: description, items\)/));
    const twice = loadRuleSet([BUILTIN_RULES_DIR, ruleDir({ 'lists/en-not-a-unit.yaml': 'description: mine\nitems: [x]\n' })]).problems.map(formatProblem);
    expect(twice).toEqual([
      expect.stringMatching(/lists\/en-not-a-unit\.yaml: list "en-not-a-unit" is already defined in .*rules\/lists\/en-not-a-unit\.yaml/),
    ]);
  });
});

describe('the length of a pattern as written', () => {
  const long = `(?:${Array.from({ length: 60 }, (_, i) => `word${i}`).join('|')})`;

  it('is limited, in rules, contexts and list items, with a hint to use a list or a context', () => {
    expect(long.length).toBeGreaterThan(MAX_PATTERN_LENGTH);
    const hint = new RegExp(
      `pattern of ${long.length} characters, over the limit of ${MAX_PATTERN_LENGTH}: move its alternatives into a named list \\(lists/<name>\\.yaml, used as \\{\\{name\\}\\}\\) or its words into a context$`,
    );
    const p = problemsOf({
      'check-in/long.yaml': withPattern(long),
      'contexts/long.yaml': `description: x\npatterns: ['${long}']\n`,
      'lists/long.yaml': `description: x\nitems: [a, '${long}']\n`,
    });
    expect(p).toHaveLength(3);
    expect(p[0]).toMatch(/contexts\/long\.yaml: patterns\[0\]: /);
    expect(p[1]).toMatch(/lists\/long\.yaml: items\[1\]: /);
    expect(p[2]).toMatch(/check-in\/long\.yaml: match\.all\[0\]\.pattern: /);
    for (const line of p) expect(line).toMatch(hint);
  });

  it('counts as written: the same alternation moved into a list loads', () => {
    const items = Array.from({ length: 60 }, (_, i) => `word${i}`).join(', ');
    expect(problemsOf({ 'lists/words.yaml': `description: x\nitems: [${items}]\n`, 'check-in/short.yaml': withPattern('{{words}}') })).toEqual([]);
  });

  it('fails rules lint with exit 1, one line naming the file', async () => {
    const r = await runCli(['rules', 'lint', ruleDir({ 'check-in/long.yaml': withPattern(long) })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^\S+check-in\/long\.yaml: match\.all\[0\]\.pattern: pattern of \d+ characters, over the limit of 300: .*context\n1 problem\(s\)\n$/,
    );
  });

  it('stops the engine from loading with one line naming the file', () => {
    const dir = ruleDir({ 'check-in/long.yaml': withPattern(long) });
    expect(() => createEngine([dir], { model: null })).toThrow(InputError);
    expect(() => createEngine([dir], { model: null })).toThrow(
      /^\S+check-in\/long\.yaml: match\.all\[0\]\.pattern: pattern of \d+ characters, over the limit of 300: [^\n]*context$/,
    );
  });
});
