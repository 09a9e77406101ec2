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
