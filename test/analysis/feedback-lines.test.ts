import { describe, expect, it } from 'vitest';
import { feedbackLines } from '../../src/analysis/feedback-lines.js';
import type { FalsePositive, MissedDemand } from '../../src/store/store.js';

const fp = (messageId: string, fields: Partial<FalsePositive> = {}): FalsePositive => ({
  platform: 'wechat',
  messageId,
  rule: null,
  ts: 1,
  text: `text of ${messageId}`,
  flaggedFor: [],
  ...fields,
});

const missed = (messageId: string, fields: Partial<MissedDemand> = {}): MissedDemand => ({
  platform: 'wechat',
  messageId,
  ts: 2,
  text: `text of ${messageId}`,
  categories: ['like-quota'],
  flaggedFor: [],
  ...fields,
});

describe('feedbackLines', () => {
  it('makes one line per message, however many corrections it had', () => {
    const out = feedbackLines([
      fp('m1', { rule: 'check-in/a', flaggedFor: ['proof-demand', 'data-request'] }),
      fp('m1', { rule: 'like-quota/b', flaggedFor: ['proof-demand', 'data-request'] }),
      fp('m2'),
    ]);
    expect(out.lines.map((l) => [l.id, l.labels])).toEqual([
      ['wechat/m1', ['data-request', 'proof-demand']],
      ['wechat/m2', []],
    ]);
  });

  it('keeps a purged message corrected whole (it demands nothing) and leaves out one corrected for a rule only', () => {
    const out = feedbackLines([fp('gone', { flaggedFor: null }), fp('partly', { rule: 'check-in/a', flaggedFor: null })]);
    expect(out.lines.map((l) => [l.id, l.labels])).toEqual([['wechat/gone', []]]);
    expect(out.unknownLabels).toBe(1);
  });

  it('takes the text from any correction that kept it, and leaves out a message with none', () => {
    const out = feedbackLines([fp('a', { text: null }), fp('a', { text: 'kept' }), fp('b', { text: null })]);
    expect(out.lines.map((l) => l.text)).toEqual(['kept']);
    expect(out.withoutText).toBe(1);
  });

  it('labels a message reported missed with every category named and what it is flagged for besides', () => {
    const out = feedbackLines(
      [fp('both', { rule: 'check-in/a', flaggedFor: ['data-request'] })],
      [
        missed('m1', { categories: ['check-in'] }),
        missed('m1', { categories: ['proof-demand'], text: null }),
        missed('flagged', { categories: ['ranking-pressure'], flaggedFor: ['like-quota'] }),
        missed('both', { categories: ['ack-demand'], flaggedFor: ['data-request'] }),
        missed('unknown', { flaggedFor: null }),
        missed('forgotten', { text: null }),
      ],
    );
    expect(out.lines.map((l) => [l.id, l.text, l.labels])).toEqual([
      ['wechat/both', 'text of both', ['ack-demand', 'data-request']],
      ['wechat/m1', 'text of m1', ['check-in', 'proof-demand']],
      ['wechat/flagged', 'text of flagged', ['like-quota', 'ranking-pressure']],
      ['wechat/unknown', 'text of unknown', ['like-quota']],
    ]);
    expect([out.missed, out.withoutText]).toEqual([4, 1]);
  });

  it('makes one line of a text corrected in many groups, unless members labelled it differently', () => {
    const notice = '请各位家长今晚8点前接龙报体温';
    const out = feedbackLines(
      [fp('g1', { text: notice }), fp('g2', { text: `${notice.replace('8', '８')}  ` }), fp('g3', { text: notice, flaggedFor: ['check-in'] })],
      [missed('g4', { text: notice, categories: ['check-in'] }), missed('g5', { text: notice, categories: ['check-in'] })],
    );
    expect(out.lines.map((l) => [l.id, l.labels])).toEqual([
      ['wechat/g1', []],
      ['wechat/g3', ['check-in']],
    ]);
    expect([out.repeats, out.missed]).toEqual([3, 0]);
  });
});
