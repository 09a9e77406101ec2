import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { descriptionIn } from '../../src/engine/description.js';
import { BUILTIN_RULES_DIR, createEngine } from '../../src/engine/index.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { formatProblem } from '../../src/engine/problem.js';
import { problemsOf, ruleDir, ruleYaml } from '../support/rules.js';

/** A valid rule whose `description:` line is the one given. */
const withDescription = (line: string) => ruleYaml('  any: [打卡]').replace('description: test rule', line);

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

  it('says so when the line YAML cannot read holds a full-width colon, as a Chinese input method types it', () => {
    const [p] = problemsOf({ 'lists/zh-apps.yaml': 'description：记步App\nitems: [咕咚]\n' });
    expect(p).toMatch(/lists\/zh-apps\.yaml:1: invalid YAML: .*\(the line holds "：", a full-width colon: a key ends with ":"\)$/);
  });

  it('does not call a list unknown when its file is there with a problem: the problem is said once, on the list', () => {
    const uses = ruleYaml('  any: [步数]\n  all:\n    - {pattern: "截图|{{zh-apps}}"}');
    for (const list of ['description: x\nitems: []\n', 'description：x\nitems: [咕咚]\n']) {
      const p = problemsOf({ 'lists/zh-apps.yaml': list, 'proof-demand/r.yaml': uses });
      expect(p).toEqual([expect.stringMatching(/lists\/zh-apps\.yaml:?\d*: /)]);
    }
  });

  it('does not call a context unknown when its file is there with a problem: the problem is said once, on the context', () => {
    const uses = {
      'contexts/zh-hearsay.yaml': "description: hearsay\nunless: [zh-call-here]\npatterns: ['^传闻:']\n",
      'check-in/r.yaml': ruleYaml('  any: [打卡]\n  all: [zh-call-here]'),
    };
    for (const context of ["description: a call\nsilences_model: maybe\npatterns: ['请大家']\n", 'description：a call\nterms: [请大家]\n']) {
      const p = problemsOf({ ...uses, 'contexts/zh-call-here.yaml': context });
      expect(p).toEqual([expect.stringMatching(/contexts\/zh-call-here\.yaml:?\d*: /)]);
    }
  });

  it("says every problem of a rule's conditions, an unknown list in one hiding none of the others; the rule does not load", () => {
    const match = '  any: [步数]\n  all: [{pattern: "{{nope}}"}, no-such-ctx]\n  none: [{pattern: "(a"}, other-missing]';
    const { ruleSet, problems } = loadRuleSet([ruleDir({ 'check-in/r.yaml': ruleYaml(match) })]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/r\.yaml: match\.all\[0\]\.pattern: unknown list "nope"/),
      expect.stringMatching(/r\.yaml: match\.all\[1\]: unknown context "no-such-ctx"$/),
      expect.stringMatching(/r\.yaml: match\.none\[0\]: unsafe pattern \/\(a\//),
      expect.stringMatching(/r\.yaml: match\.none\[1\]: unknown context "other-missing"$/),
    ]);
    expect(ruleSet.rules).toEqual([]);
  });

  it('names the file for aliases that would expand to a million nodes', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x,x]\n' + ['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcde'[i]}`).join(',')}]`).join('\n');
    expect(problemsOf({ 'check-in/bomb.yaml': bomb })).toEqual([expect.stringMatching(/check-in\/bomb\.yaml: invalid YAML: Excessive alias count/)]);
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

  it('refuses terms that are empty once normalised, which could never match', () => {
    const p = problemsOf({
      'check-in/star.yaml': ruleYaml('  any: ["*"]'),
      'check-in/invisible.yaml': ruleYaml('  any: [打卡]\n  all:\n    - ["\u200b"]'),
      'contexts/blank.yaml': 'description: x\nterms: ["**"]\n',
    });
    expect(p).toEqual([
      expect.stringMatching(/contexts\/blank\.yaml: terms: "\*\*" is empty once normalised, so it can never match$/),
      expect.stringMatching(/invisible\.yaml: match\.all\[0\]: "\u200b" is empty once normalised/),
      expect.stringMatching(/star\.yaml: match\.any: "\*" is empty once normalised/),
    ]);
  });

  it('names a file it would not read: a YAML file beside the packs, a folder inside a category', () => {
    const p = problemsOf({
      'check-in/ok.yaml': ruleYaml('  any: [打卡]'),
      'check-in/nested/x.yaml': ruleYaml('  any: [打卡]'),
      'stray.yaml': ruleYaml('  any: [打卡]'),
      'zh.pack.yaml': 'description: x\nnone: [[广告]]\n',
      'README.md': '# notes',
    });
    expect(p).toEqual([
      expect.stringMatching(/stray\.yaml: not read: a rule goes in <category>\/<name>\.yaml, a pack is <language>\.pack\.yaml$/),
      expect.stringMatching(/check-in\/nested: not read: rules are read from check-in\/<name>\.yaml, not from folders inside it$/),
    ]);
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

  it('checks the patterns of a context nothing uses yet, as the engine compiles them all the same', () => {
    const dir = ruleDir({
      'contexts/zh-hearsay.yaml': "description: no rule uses it yet\nunless: [zh-group-call]\npatterns: ['据[^,]{1,10}说(']\n",
      'check-in/clock.yaml': ruleYaml('  any: [打卡]'),
    });
    const problems = loadRuleSet([BUILTIN_RULES_DIR, dir]).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/contexts\/zh-hearsay\.yaml: patterns\[0\]: unsafe pattern \/.*\/: invalid regular expression: .*Unterminated group$/),
    ]);
    // Refused as bad input naming the file (the CLI's exit 2), not thrown by new RegExp with no file.
    expect(() => createEngine([dir], { model: null })).toThrow(InputError);
    expect(() => createEngine([dir], { model: null })).toThrow(/zh-hearsay\.yaml: patterns\[0\]/);
  });

  it('takes a description as a plain string or as {zh, en}, either language standing for both', () => {
    const { ruleSet, problems } = loadRuleSet([
      ruleDir({
        'check-in/plain.yaml': withDescription('description: Clocking in.'),
        'check-in/both.yaml': withDescription('description:\n  zh: 要求打卡。\n  en: Clocking in.'),
        'check-in/zh-only.yaml': withDescription('description: {zh: 要求打卡。}'),
        'contexts/who.yaml': 'description: {en: Who is addressed.}\nterms: [大家]\n',
      }),
    ]);
    expect(problems).toEqual([]);
    const inBoth = (id: string) => {
      const { description } = ruleSet.rules.find((r) => r.id === id)!;
      return [descriptionIn(description, 'zh'), descriptionIn(description, 'en')];
    };
    expect(inBoth('check-in/plain')).toEqual(['Clocking in.', 'Clocking in.']);
    expect(inBoth('check-in/both')).toEqual(['要求打卡。', 'Clocking in.']);
    expect(inBoth('check-in/zh-only')).toEqual(['要求打卡。', '要求打卡。']);
    expect(ruleSet.contexts.get('who')!.description).toEqual({ en: 'Who is addressed.' });
  });

  it('refuses a description map with another language, an empty text or no text, naming the file', () => {
    const p = problemsOf({
      'check-in/fr.yaml': withDescription('description: {zh: 要求打卡。, fr: Pointer.}'),
      'check-in/blank.yaml': withDescription('description:\n  zh: " "\n  en: Clocking in.'),
      'check-in/none.yaml': withDescription('description: {}'),
      'contexts/who.yaml': 'description: {en: ""}\nterms: [大家]\n',
    });
    expect(p).toEqual([
      expect.stringMatching(/contexts\/who\.yaml: description\.en: expected a non-empty string$/),
      expect.stringMatching(/check-in\/blank\.yaml: description\.zh: expected a non-empty string$/),
      expect.stringMatching(/check-in\/fr\.yaml: description: unknown key "fr" \(allowed: zh, en\)$/),
      expect.stringMatching(/check-in\/none\.yaml: description: needs a text in zh or en$/),
    ]);
    const bad = ruleDir({ 'check-in/fr.yaml': withDescription('description: {zh: 要求打卡。, fr: Pointer.}') });
    expect(() => createEngine([bad], { model: null })).toThrow(InputError);
    expect(() => createEngine([bad], { model: null })).toThrow(/^\S+check-in\/fr\.yaml: description: unknown key "fr" \(allowed: zh, en\)$/);
  });

  it('gives every built-in rule a description in Chinese and in English', () => {
    const { ruleSet } = loadRuleSet([BUILTIN_RULES_DIR]);
    for (const rule of ruleSet.rules) {
      expect(rule.description, rule.id).toEqual({ zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.stringMatching(/^[A-Z]/) });
    }
  });

  it('refuses rule, context, list and pack files saved as GBK, naming the file and line, instead of reading U+FFFD', () => {
    const gbk = (before: string, after: string) => Buffer.concat([Buffer.from(before), Buffer.from([0xb4, 0xf2, 0xbf, 0xa8]), Buffer.from(after)]); // 打卡
    const dir = ruleDir({});
    const files: Record<string, Buffer> = {
      'check-in/gbk.yaml': gbk(
        'description: test rule\nlevel: high\nlanguages: [zh]\nmatch:\n  any: [',
        ']\nexamples:\n  flag: [a, b, c]\n  pass: [d, e, f]\n',
      ),
      'contexts/gbk-context.yaml': gbk('description: x\nterms: [', ']\n'),
      'lists/gbk-list.yaml': gbk('description: x\nterms: [', ']\n'),
      'zh.pack.yaml': gbk('none:\n  - [', ']\n'),
    };
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    const { ruleSet, problems } = loadRuleSet([dir]);
    const why = 'not UTF-8 text (saved in another encoding, such as GBK: save it as UTF-8)';
    expect(problems.map(formatProblem)).toEqual([
      `${join(dir, 'contexts/gbk-context.yaml')}:2: ${why}`,
      `${join(dir, 'lists/gbk-list.yaml')}:2: ${why}`,
      `${join(dir, 'zh.pack.yaml')}:2: ${why}`,
      `${join(dir, 'check-in/gbk.yaml')}:5: ${why}`,
    ]);
    expect(ruleSet.rules).toEqual([]);
    expect(() => createEngine([dir], { model: null })).toThrow(InputError);
  });

  it('names a missing folder', () => {
    expect(loadRuleSet(['/nonexistent/rules']).problems.map(formatProblem)).toEqual(['/nonexistent/rules: cannot read rule folder (ENOENT)']);
  });
});
