import { describe, expect, it } from 'vitest';
import { patternAttack } from '../../src/engine/pattern-attack.js';

const pumps = (pattern: string): string[] => patternAttack(pattern).pumps.map((p) => p.pump);
const CHAT_UNITS = ['1', 'a', 'A', ' ', 'a1', 'a ', '。', '中'];

describe('patternAttack', () => {
  it("runs a character two repeated alternatives share, a property escape's by its members", () => {
    expect(pumps('(?:[，,]|\\p{P}){1,22}x')).toContain('，');
    expect(pumps('(?:[b-z]|[b-y]){1,22}!')).toContain('b');
    expect(pumps('(?:[c-z]|[a-y]){1,22}!')).toContain('c');
    expect(pumps('(?:\\p{Script=Han}|[^，]){1,22}!')).toContain('中');
  });

  it('runs each alternative of a repeated group, as (?:a|ab|b) splits a run of "ab" in many ways', () => {
    expect(pumps('(?:a|ab|b){1,22}x')).toContain('ab');
  });

  it('runs the repeated units after the text that leads up to the repetition, and the two repeated whole', () => {
    for (const pattern of ['请填报(?:[，,]|\\p{P}){1,22}x', '[请要]填报(?:[，,]|\\p{P}){1,22}x']) {
      const { pumps: all, suffix } = patternAttack(pattern);
      expect(all).toContainEqual({ prefix: '请填报', pump: '，' });
      expect(all).toContainEqual({ prefix: '', pump: `请填报${'，'.repeat(40)}${suffix}` });
    }
  });

  it('leads up to every repetition, however many come before it, with all of its units', () => {
    const { pumps: fifth } = patternAttack('请 *各位 *每天 *把 *步数(?:[，,]|\\p{P}){1,22}截图');
    expect(fifth).toContainEqual({ prefix: '请各位每天把步数', pump: '，' });
    const { pumps: late } = patternAttack('(?:步数|健步|万步|跑步|运动|运动量|打卡|打卡数|截图|截屏|图片){1,3}(?:[！!~～]|\\p{P}){1,22}发群');
    expect(late).toContainEqual({ prefix: '步数', pump: '！' });
  });

  it('keeps the chat units for every pattern and ends each run with a character the pattern cannot match', () => {
    expect(pumps('打卡')).toEqual(CHAT_UNITS);
    expect(pumps('(?:[，,]|\\p{P}){1,22}x').slice(-CHAT_UNITS.length)).toEqual(CHAT_UNITS);
    expect(patternAttack('(?:\\w|\\d){1,20}z').suffix).toBe('\u0000');
    expect(patternAttack('.{0,100}x').suffix).toBe('\n');
  });
});
