import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { MAX_TEXT } from '../../../src/engine/text-limit.js';
import { textHash } from '../../../src/analysis/record/text-hash.js';
import { toRecord } from '../../../src/analysis/record/to-record.js';
import { finding } from '../../store/fixtures.js';

const msg = (fields: Partial<ChatMessage> = {}): ChatMessage => ({
  platform: 'slack',
  id: 'C1/1.0',
  group: { id: 'C1', name: 'ops', memberCount: 12 },
  sender: { id: 'U1', name: 'Li' },
  text: '请全体同事今晚十点前完成打卡',
  ts: 1_700_000_000_000,
  ...fields,
});
const TZ = 'Asia/Shanghai';
const flagged = { categories: ['check-in' as const], findings: [finding('check-in', 'check-in/x', '完成打卡')] };
const none = { categories: [], findings: [] };

describe('toRecord', () => {
  it('keeps a flagged message with its text, findings and the group members but the sender as recipients', () => {
    expect(toRecord(msg({ replyTo: 'C1/0.9', mentionsAll: true }), flagged, TZ)).toEqual({
      platform: 'slack',
      id: 'C1/1.0',
      groupId: 'C1',
      groupName: 'ops',
      senderId: 'U1',
      senderName: 'Li',
      ts: 1_700_000_000_000,
      length: 14,
      hash: textHash('请全体同事今晚十点前完成打卡'),
      replyTo: 'C1/0.9',
      isAck: false,
      mentionsAll: true,
      recipients: 11,
      categories: ['check-in'],
      findings: flagged.findings,
      text: '请全体同事今晚十点前完成打卡',
      deadline: 22 * 60,
    });
  });

  it('keeps no text of an unflagged message', () => {
    const r = toRecord(msg({ text: 'lunch at noon?' }), none, TZ);
    expect(r.text).toBeNull();
    expect(r.deadline).toBeNull();
    expect(r.categories).toEqual([]);
    expect(r.length).toBe(14);
  });

  it('counts recipients from the member list, else 0 when the size is unknown', () => {
    expect(toRecord(msg({ group: { id: 'C1', members: ['U1', 'U2', 'U3'] } }), none, TZ).recipients).toBe(2);
    expect(toRecord(msg({ group: { id: 'C1' } }), none, TZ).recipients).toBe(0);
    expect(toRecord(msg({ group: { id: 'C1', memberCount: 0 } }), none, TZ).recipients).toBe(0);
    const dm = toRecord(msg({ group: null }), none, TZ);
    expect([dm.groupId, dm.recipients, dm.groupName]).toEqual(['', 0, undefined]);
  });

  it('marks bare acknowledgements and reactions as acks', () => {
    expect(toRecord(msg({ text: '收到！' }), none, TZ).isAck).toBe(true);
    expect(toRecord(msg({ text: 'white_check_mark', kind: 'reaction' }), none, TZ).isAck).toBe(true);
    expect(toRecord(msg({ text: '收到，但是明天的会改到几点？' }), none, TZ).isAck).toBe(false);
  });

  it('hashes the normalised text: width, case and spacing do not matter, words do', () => {
    expect(textHash('Ｐｌｅａｓｅ  FILL the form')).toBe(textHash('please fill the form'));
    expect(textHash('please fill the form')).not.toBe(textHash('please fill the survey'));
    // Numbers do not: the same request for another week or count is the same demand.
    expect(textHash('第３周报表请于12日前上报 #1024')).toBe(textHash('第47周报表请于3日前上报 #9'));
    expect(textHash('第3周报表')).not.toBe(textHash('第周报表'));
    expect(textHash('x')).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('keeps at most MAX_TEXT code units of a flagged text, cut between characters, with a note of the rest', () => {
    const head = '请全体同事今晚十点前完成打卡'.padEnd(MAX_TEXT - 1, '。');
    const text = `${head}😀${'x'.repeat(1000)}`; // the emoji's two code units straddle the limit
    const r = toRecord(msg({ text }), flagged, TZ);
    expect(r.text).toBe(`${head}\n[… 1002 more characters not kept]`);
    expect(r.length).toBe(text.length);
    expect(r.hash).toBe(textHash(head));
    expect(r.deadline).toBe(22 * 60);
    expect(toRecord(msg({ text: `${head}。` }), flagged, TZ).text).toBe(`${head}。`); // exactly the limit: whole
  });

  it("counts a deadline's weekday from the day the message was sent in the time zone given", () => {
    // Saturday 01:00 in Shanghai, still Friday in UTC: 周六 is a week on there, tomorrow here.
    const sent = msg({ text: '请全体同事周六上午10点前完成打卡', ts: Date.parse('2026-11-28T01:00:00+08:00') });
    expect(toRecord(sent, flagged, TZ).deadline).toBe(7 * 1440 + 10 * 60);
    expect(toRecord(sent, flagged, 'UTC').deadline).toBe(1440 + 10 * 60);
  });
});
