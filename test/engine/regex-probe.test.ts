import { createHash } from 'node:crypto';
import { cpSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR } from '../../src/engine/builtin-rules.js';
import { cacheFile, readCache, writeCache } from '../../src/engine/disk-cache.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { formatProblem } from '../../src/engine/problem.js';
import { slowProbes } from '../../src/engine/regex-probe.js';
import { MAX_TEXT } from '../../src/engine/text-limit.js';
import { ruleDir, ruleYaml } from '../support/rules.js';
import { tempDir } from '../support/temp-dir.js';

describe('slowProbes', () => {
  it('runs probes in one batch, tries the one a batch was cut on alone, and goes on with the rest', () => {
    // Fresh patterns each run, so no remembered pass answers for them.
    const fresh = Date.now().toString(36);
    const fast = { pattern: `打卡${fresh}a`, length: 1000 };
    const hang = { pattern: `(?:\\w|\\d){1,24}z${fresh}`, length: 2000 };
    const after = { pattern: `签到${fresh}b`, length: 1000 };
    expect([...slowProbes([fast, hang, after])]).toEqual([hang]);
    // Passed once, a probe is remembered: only the slow one is tried again.
    expect([...slowProbes([fast, after])]).toEqual([]);
  }, 60_000);

  it('passes patterns that match nothing past the start of a text: an anchor, a lookaround', () => {
    const fresh = Date.now().toString(36);
    const empty = ['(?:吧|啊)?$', '(?<=1)', '(?<=\\d)(?![\\d,])'].map((p) => ({ pattern: `${p}(?:${fresh})?`, length: 65_536 }));
    expect([...slowProbes(empty)]).toEqual([]);
  }, 60_000);
});

/** A custom rule triggered by `trigger` whose one condition is `pattern`, run on the whole message. */
const withPattern = (trigger: string, pattern: string): string =>
  ruleYaml(`  any: [${trigger}]\n  all:\n    - {pattern: ${JSON.stringify(pattern)}}`) + 'veto: false\n';
const fillIn = (pattern: string): string => withPattern('填报', pattern);

describe('custom patterns recheck rates linear', () => {
  it('are tried on runs of characters of their own: repeated alternatives sharing "，" or "b" are refused, naming file and condition', () => {
    // recheck calls both linear, and no chat unit (digits, letters, spaces, Chinese) is in both alternatives:
    // "请填报" and 60 "，" took 14 s to classify.
    const dir = ruleDir({ 'data-request/comma.yaml': fillIn('(?:[，,]|\\p{P}){1,22}x'), 'data-request/letters.yaml': fillIn('(?:[b-z]|[b-y]){1,22}!') });
    const problems = loadRuleSet([dir]).problems.map(formatProblem);
    const slow = (file: string, pattern: string) =>
      `${dir}/data-request/${file}: match.all[0]: pattern /${pattern}/ ran past 5 s on a message of ${MAX_TEXT} characters: `;
    expect(problems).toEqual([
      expect.stringContaining(slow('comma.yaml', '(?:[，,]|\\p{P}){1,22}x')),
      expect.stringContaining(slow('letters.yaml', '(?:[b-z]|[b-y]){1,22}!')),
    ]);
    for (const line of problems) expect(line).not.toContain('\n');
  }, 60_000);

  it('are tried on runs after the text that leads up to their repetition, repeated whole: a literal or class prefix is refused', () => {
    // "请填报" then 40 "，", 60 times in one message, took 30 s to classify; runs of "，" alone never reach the repetition.
    const hang = '请填报(?:[，,]|\\p{P}){1,22}x';
    const byClass = '[请要]填报(?:[，,]|\\p{P}){1,22}x';
    const dir = ruleDir({ 'check-in/zh-hang.yaml': withPattern('打卡', hang), 'check-in/zh-hang-class.yaml': withPattern('打卡', byClass) });
    const problems = loadRuleSet([dir]).problems.map(formatProblem);
    const slow = (file: string, pattern: string) =>
      `${dir}/check-in/${file}: match.all[0]: pattern /${pattern}/ ran past 5 s on a message of ${MAX_TEXT} characters: `;
    expect(problems.toSorted()).toEqual([expect.stringContaining(slow('zh-hang-class.yaml', byClass)), expect.stringContaining(slow('zh-hang.yaml', hang))]);
    for (const line of problems) expect(line).not.toContain('\n');
  }, 60_000);

  it('are tried after the text that leads up to every repetition, with all its units: a fifth lead, a unit past the eighth', () => {
    // Each took 77 s to classify on 12,000 characters: "请各位每天把步数" is the fifth lead (after four " *"),
    // and "！" came after eight units of the Chinese words the first repetition shares.
    const fifthLead = '请 *各位 *每天 *把 *步数(?:[，,]|\\p{P}){1,22}截图';
    const lateUnit = '(?:步数|健步|万步|跑步|运动|运动量|打卡|打卡数|截图|截屏|图片){1,3}(?:[！!~～]|\\p{P}){1,22}发群';
    const rule = (pattern: string) => ruleYaml(`  any: [步数]\n  all:\n    - {pattern: ${JSON.stringify(pattern)}, within: 20}`) + 'veto: false\n';
    const dir = ruleDir({ 'proof-demand/zh-lead.yaml': rule(fifthLead), 'proof-demand/zh-unit.yaml': rule(lateUnit) });
    const slow = (file: string, pattern: string) =>
      `${dir}/proof-demand/${file}: match.all[0]: pattern /${pattern}/ ran past 5 s on a message of ${MAX_TEXT} characters: `;
    expect(loadRuleSet([dir]).problems.map(formatProblem).toSorted()).toEqual([
      expect.stringContaining(slow('zh-lead.yaml', fifthLead)),
      expect.stringContaining(slow('zh-unit.yaml', lateUnit)),
    ]);
  }, 60_000);

  it('still accept ordinary patterns, and every shipped one loaded as a custom folder', () => {
    // Fresh patterns each run, so no remembered pass answers for them.
    const fresh = Date.now().toString(36);
    const ordinary = [
      '\\d{1,2}:\\d{2}',
      '(?:每|各)(?:人|户)\\s*\\d+',
      '我[^,。!?]{0,6}[完好过]了',
      '[“"「][^”"」]{1,10}[”"」]',
      '@[\\p{L}\\p{N}_.]+[\\s,;&]+(?:and )?@[\\p{L}\\p{N}_.]+',
      '\\b(?:in|on) (?:the|a) (?:[a-z]+ ){0,2}register\\b',
      '(?:[，,]|\\p{P})x',
      '[，,、]{1,3}(?:请|务必)',
    ];
    const files = Object.fromEntries(ordinary.map((p, i) => [`data-request/p${i}.yaml`, fillIn(`${p}(?:${fresh})?`)]));
    expect(loadRuleSet([ruleDir(files)]).problems.map(formatProblem)).toEqual([]);
    const shipped = tempDir();
    cpSync(BUILTIN_RULES_DIR, shipped, { recursive: true });
    expect(loadRuleSet([shipped]).problems.map(formatProblem)).toEqual([]);
  }, 60_000);

  it('are tried again after the probe changed: a pass the older probe remembered does not answer', () => {
    const pattern = `(?:[，,]|\\p{P}){1,22}x(?:${Date.now().toString(36)})?`;
    // What the probe before pattern-derived texts would have remembered: it passed this pattern.
    const older = cacheFile(`regex-probe-v1-node-${process.versions.node}.json`);
    const key = createHash('sha256').update(`${MAX_TEXT}\u0000${pattern}`).digest('hex');
    writeCache(older, [...((readCache(older) as string[] | undefined) ?? []), key]);
    const probe = { pattern, length: MAX_TEXT };
    expect([...slowProbes([probe])]).toEqual([probe]);
  }, 60_000);
});
