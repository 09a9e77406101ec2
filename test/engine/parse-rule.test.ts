import { describe, expect, it } from 'vitest';
import { parseRule } from '../../src/engine/parse-rule.js';
import { createEngine } from '../../src/engine/index.js';
import { ruleDir, ruleYaml } from '../support/rules.js';
import { parse } from 'yaml';

const ruleOf = (yaml: string) => parseRule(parse(yaml), 'check-in/r', 'r.yaml');

describe('parseRule: veto', () => {
  it('lets the learned stage veto a rule unless the rule says `veto: false`', () => {
    expect(ruleOf(ruleYaml('  any: [打卡]')).rule!.veto).toBe(true);
    expect(ruleOf(ruleYaml('  any: [打卡]') + 'veto: true\n').rule!.veto).toBe(true);
    expect(ruleOf(ruleYaml('  any: [打卡]') + 'veto: false\n').rule!.veto).toBe(false);
  });

  it('refuses any other value in one line naming the file', () => {
    const dir = ruleDir({ 'check-in/r.yaml': ruleYaml('  any: [打卡]') + 'veto: "no"\n' });
    expect(() => createEngine([dir], { model: null })).toThrow(/^\S+check-in\/r\.yaml: veto: expected true or false$/);
  });
});

describe('parseRule: languages', () => {
  it('refuses a language fingertip has no pack for, naming the file, as zh-CN would drop every pack exclusion', () => {
    for (const lang of ['zh-CN', '中文']) {
      const dir = ruleDir({ 'check-in/r.yaml': ruleYaml('  any: [打卡]').replace('languages: [zh]', `languages: [${lang}]`) });
      expect(() => createEngine([dir], { model: null })).toThrow(
        new RegExp(`^\\S+check-in/r\\.yaml: languages: unknown language "${lang}" \\(allowed: zh, en\\)$`),
      );
    }
  });

  it('refuses a pack for such a language, which no rule could take', () => {
    const dir = ruleDir({ 'check-in/r.yaml': ruleYaml('  any: [打卡]'), 'zh-CN.pack.yaml': 'description: x\nnone: [zh-question]\n' });
    expect(() => createEngine([dir], { model: null })).toThrow(
      /^\S+zh-CN\.pack\.yaml: pack: unknown language "zh-CN" in its file name \(allowed: zh\.pack\.yaml, en\.pack\.yaml\)$/,
    );
  });
});
