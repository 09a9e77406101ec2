import { describe, expect, it } from 'vitest';
import { unnormalisedLiterals } from '../../src/engine/pattern-normal-form.js';
import { createEngine } from '../../src/engine/index.js';
import { problemsOf, ruleDir, ruleYaml } from '../support/rules.js';

const withPattern = (pattern: string): string => ruleYaml(`  any: [步数]\n  all:\n    - {pattern: ${JSON.stringify(pattern)}, within: 20}`);

describe('patterns written as text never holds them', () => {
  it('are refused naming file, condition, the character and what to write: full-width, capitals, traditional', () => {
    const p = problemsOf({
      'proof-demand/colon.yaml': withPattern('截图：'),
      'proof-demand/capitals.yaml': withPattern('KEEP|咕咚'),
      'proof-demand/traditional.yaml': withPattern('截圖|{{zh-step-apps}}'),
      'contexts/zh-shot.yaml': 'description: x\npatterns: ["截屏\\t"]\n',
      'lists/zh-step-apps.yaml': 'description: x\nitems: [微信运动, Keep]\n',
    });
    expect(p.toSorted()).toEqual([
      expect.stringMatching(/contexts\/zh-shot\.yaml: patterns\[0\]: pattern \/截屏\\t\/ contains '\\t', .*\(white space as one space\): write ' '$/),
      expect.stringMatching(/lists\/zh-step-apps\.yaml: items\[1\]: pattern \/Keep\/ contains 'K', .*\(lower case\): write 'k'$/),
      expect.stringMatching(
        /capitals\.yaml: match\.all\[0\]\.pattern: pattern \/KEEP\|咕咚\/ contains 'K', 'E', 'P', which text never holds after normalisation \(lower case\): write 'k', 'e', 'p'$/,
      ),
      expect.stringMatching(
        /colon\.yaml: match\.all\[0\]\.pattern: pattern \/截图：\/ contains '：', which text never holds after normalisation \(NFKC\): write ':'$/,
      ),
      expect.stringMatching(
        /traditional\.yaml: match\.all\[0\]\.pattern: pattern \/截圖\|\{\{zh-step-apps\}\}\/ contains '圖', .*\(simplified Chinese\): write '图'$/,
      ),
    ]);
  });

  it('pass a class member beside what text holds, and literals as normalised text holds them', () => {
    for (const pattern of ['(?:[，,]|\\p{P}){1,22}截图', '截图:', 'keep', '[Ａa]', '打卡 \\d+', '\\u0061?']) {
      expect(unnormalisedLiterals(pattern), pattern).toBeUndefined();
    }
  });

  it('a term holding a full-width comma, one term of two in a flow list, is refused naming file and key', () => {
    const dir = ruleDir({ 'proof-demand/r.yaml': ruleYaml('  any: [晒步数，步数截图]') });
    expect(() => createEngine([dir], { model: null })).toThrow(
      /^\S+proof-demand\/r\.yaml: match\.any: "晒步数，步数截图" is one term: "，" does not separate terms, write ", " between them/,
    );
  });
});
