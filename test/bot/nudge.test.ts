import { describe, expect, it } from 'vitest';
import { nudgeText } from '../../src/bot/nudge.js';
import type { Finding } from '../../src/core/finding.js';
import type { Rule } from '../../src/engine/rule.js';

const finding: Finding = { rule: 'ack-demand/zh-chain-reply', category: 'ack-demand', span: [0, 2], match: '接龙' };
const rule = (references: string[]): Rule => ({
  id: finding.rule,
  category: 'ack-demand',
  description: 'test',
  level: 'high',
  languages: ['zh'],
  match: { any: ['接龙'], all: [], none: [] },
  falsepositives: [],
  references,
  examples: { flag: [], pass: [] },
  inherit: true,
  veto: true,
  file: 'test.yaml',
});

describe('nudgeText', () => {
  it('says what kind of demand it may be and what the policy says, with no rule id', () => {
    const r = rule(['中共中央办公厅 国务院办公厅《整治形式主义为基层减负若干规定》(2024) - 不得强制要求打卡接龙']);
    expect(nudgeText(finding, r, 'zh')).toBe(
      '提示：这条消息可能属于“回复收到”类要求。《整治形式主义为基层减负若干规定》（2024年）提出：不得强制要求打卡接龙。如判断有误，引用这条消息回复“误报”即可。',
    );
    expect(nudgeText(finding, r, 'en')).toBe(
      'A note: this may be a demand for acknowledgements. 《整治形式主义为基层减负若干规定》(2024): 不得强制要求打卡接龙. If that\'s wrong, reply to it with "not formalism".',
    );
  });

  it('points to a document that has no point named, and to none when the rule cites none', () => {
    expect(nudgeText(finding, rule(['中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》(2019)']), 'zh')).toBe(
      '提示：这条消息可能属于“回复收到”类要求。可参考《关于解决形式主义突出问题为基层减负的通知》（2019年）。如判断有误，引用这条消息回复“误报”即可。',
    );
    expect(nudgeText(finding, rule([]), 'en')).toBe('A note: this may be a demand for acknowledgements. If that\'s wrong, reply to it with "not formalism".');
  });

  it('quotes no English policy in a Chinese nudge (a group set to Chinese, an English rule)', () => {
    const english = rule(['Workplace norm - staff are not pushed to install apps or open accounts to raise adoption figures']);
    expect(nudgeText(finding, english, 'zh')).toBe('提示：这条消息可能属于“回复收到”类要求。如判断有误，引用这条消息回复“误报”即可。');
  });
});
