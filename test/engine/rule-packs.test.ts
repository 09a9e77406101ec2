import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { BUILTIN_RULES_DIR } from '../../src/engine/index.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { problemsOf, ruleDir, ruleYaml } from '../support/rules.js';

const CONTEXTS = {
  'contexts/me.yaml': 'description: me\nterms: [我今天]\n',
  'contexts/ask.yaml': 'description: ask\nterms: [吗]\n',
  'zh.pack.yaml': 'description: what every Chinese rule leaves alone\nnone: [me, ask]\n',
};
const clockIn = (inherit = '') => ruleYaml('  any: [打卡]') + inherit;
const flagged = (dir: string, text: string) => new Engine(loadRuleSet([dir]).ruleSet).classify(text).findings.map((f) => f.rule);
describe('rule packs', () => {
  it("give every rule of the pack's language and folder its none conditions", () => {
    const dir = ruleDir({ ...CONTEXTS, 'check-in/a.yaml': clockIn(), 'check-in/en.yaml': clockIn().replace('languages: [zh]', 'languages: [en]') });
    expect(flagged(dir, '大家打卡')).toEqual(['check-in/a', 'check-in/en']);
    // The English rule has no pack: only the Chinese one leaves these alone.
    expect(flagged(dir, '我今天打卡了')).toEqual(['check-in/en']);
    expect(flagged(dir, '要打卡吗')).toEqual(['check-in/en']);
    expect(loadRuleSet([dir]).ruleSet.rules[0].match.none).toEqual([
      { kind: 'context', context: 'me' },
      { kind: 'context', context: 'ask' },
    ]);
  });

  it('let a rule opt out of all of them or of some', () => {
    const dir = ruleDir({ ...CONTEXTS, 'check-in/none.yaml': clockIn('inherit: false\n'), 'check-in/some.yaml': clockIn('inherit: {except: [ask]}\n') });
    expect(flagged(dir, '我今天打卡了')).toEqual(['check-in/none']);
    expect(flagged(dir, '要打卡吗')).toEqual(['check-in/none', 'check-in/some']);
  });

  it("reach only their own folder's rules: a custom folder's rules keep the conditions they write", () => {
    const custom = ruleDir({ 'check-in/mine.yaml': clockIn() });
    const { ruleSet, problems } = loadRuleSet([BUILTIN_RULES_DIR, custom]);
    expect(problems).toEqual([]);
    expect(ruleSet.rules.find((r) => r.id === 'check-in/mine')!.match.none).toEqual([]);
    const builtin = ruleSet.rules.filter((r) => r.file.startsWith(BUILTIN_RULES_DIR));
    for (const r of builtin.filter((r) => r.languages.includes('zh'))) expect(r.match.none).toContainEqual({ kind: 'context', context: 'zh-first-person' });
    for (const r of builtin.filter((r) => r.languages.includes('en'))) expect(r.match.none).toContainEqual({ kind: 'context', context: 'en-talk-about' });
  });

  it('refuse, naming the file: an exception no pack offers, a repeated inherited condition, a bad inherit, a bad pack', () => {
    const p = problemsOf({
      ...CONTEXTS,
      'check-in/except.yaml': clockIn('inherit: {except: [nobody]}\n'),
      'check-in/again.yaml': ruleYaml('  any: [打卡]\n  none: [ask]'),
      'check-in/odd.yaml': clockIn('inherit: sometimes\n'),
    });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/check-in\/except\.yaml: inherit\.except: "nobody" is not a none condition of zh\.pack\.yaml$/),
        expect.stringMatching(/check-in\/again\.yaml: match\.none\[0\]: already inherited from zh\.pack\.yaml; remove it here$/),
        expect.stringMatching(/check-in\/odd\.yaml: inherit: expected true, false or \{except: \[context, \.\.\.\]\}$/),
      ]),
    );
    expect(p).toHaveLength(3);
    const pack = problemsOf({ 'zh.pack.yaml': 'description: x\nnone: [nowhere]\n', 'check-in/a.yaml': clockIn(), 'check-in/b.yaml': clockIn() });
    expect(pack).toEqual([expect.stringMatching(/zh\.pack\.yaml: none\[0\]: unknown context "nowhere"$/)]);
    expect(problemsOf({ 'en.pack.yaml': 'description: x\nnone: []\n' })).toEqual([
      expect.stringMatching(/en\.pack\.yaml: none: expected a list of at least one condition$/),
    ]);
  });

  it('with a problem keep the conditions they name: one line on the pack, not also "not a none condition" on each rule excepting one', () => {
    const rules = { 'check-in/a.yaml': clockIn('inherit: {except: [ask]}\n'), 'check-in/b.yaml': clockIn('inherit: {except: [ask]}\n') };
    for (const pack of ['description: x\nnone: [me, ask, {pattern: "{{nope}}"}]\n', 'description: x\nnone: [me, ask]\nfoo: 1\n']) {
      const p = problemsOf({ ...CONTEXTS, 'zh.pack.yaml': pack, ...rules });
      expect(p).toEqual([expect.stringMatching(/zh\.pack\.yaml: (none\[2\]\.pattern: unknown list "nope"|pack: unknown key "foo")/)]);
    }
    // One that cannot be read at all offers what no one can tell: its own problem is the only line.
    for (const pack of ['description: x\nnone: [me, ask\n', '- me\n- ask\n', 'description: x\nnone: me\n']) {
      const p = problemsOf({ ...CONTEXTS, 'zh.pack.yaml': pack, ...rules });
      expect(p).toEqual([expect.stringMatching(/zh\.pack\.yaml(:\d+)?: /)]);
    }
  });

  it('say every problem of their conditions, an unknown list in one hiding none of the others, each at its own index', () => {
    const p = problemsOf({ 'zh.pack.yaml': 'description: x\nnone: [{pattern: "{{nope}}"}, nowhere, {pattern: "(a"}]\n', 'check-in/a.yaml': clockIn() });
    expect(p).toEqual([
      expect.stringMatching(/zh\.pack\.yaml: none\[0\]\.pattern: unknown list "nope"/),
      expect.stringMatching(/zh\.pack\.yaml: none\[1\]: unknown context "nowhere"$/),
      expect.stringMatching(/zh\.pack\.yaml: none\[2\]: unsafe pattern \/\(a\//),
    ]);
  });

  it('are checked whether or not a rule inherits them: every rule says inherit: false, or none is of their language', () => {
    const p = problemsOf({
      'zh.pack.yaml': "description: x\nnone: [nowhere, {pattern: '据(说'}]\n",
      'en.pack.yaml': 'description: x\nnone: [{pattern: "(a|aa)+$"}]\n',
      'check-in/a.yaml': clockIn('inherit: false\n'),
    });
    expect(p).toEqual([
      expect.stringMatching(/en\.pack\.yaml: none\[0\]: unsafe pattern .*exponential/),
      expect.stringMatching(/zh\.pack\.yaml: none\[0\]: unknown context "nowhere"$/),
      expect.stringMatching(/zh\.pack\.yaml: none\[1\]: unsafe pattern \/据\(说\/: invalid regular expression/),
    ]);
  });
});
