import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/commands/policy.js';

const RULES_2024 = '中共中央办公厅 国务院办公厅《整治形式主义为基层减负若干规定》(2024) - 不得强制要求打卡接龙';

describe('readPolicy', () => {
  it('reads a Chinese reference as source and point, with Chinese punctuation', () => {
    expect(readPolicy(RULES_2024, 'zh')).toEqual({
      source: '中共中央办公厅、国务院办公厅《整治形式主义为基层减负若干规定》（2024年）',
      title: '《整治形式主义为基层减负若干规定》（2024年）',
      point: '不得强制要求打卡接龙',
    });
  });

  it('keeps a reference as written for English answers, and one without a point whole', () => {
    expect(readPolicy(RULES_2024, 'en')?.source).toBe('中共中央办公厅 国务院办公厅《整治形式主义为基层减负若干规定》(2024)');
    expect(readPolicy('Workplace norm - reading a notice is not proven by a chain of reactions.', 'en')).toEqual({
      source: 'Workplace norm',
      title: 'Workplace norm',
      point: 'reading a notice is not proven by a chain of reactions',
    });
    expect(readPolicy('中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》(2019)', 'zh')?.point).toBe('');
  });

  it('gives a Chinese answer nothing of an English reference: half a sentence in English reads worse than none', () => {
    expect(readPolicy('Workplace norm - staff are not pushed to install apps.', 'zh')).toBeUndefined();
    expect(readPolicy(undefined, 'en')).toBeUndefined();
  });
});
