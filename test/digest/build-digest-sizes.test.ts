import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import type { Recipient } from '../../src/digest/recipients.js';
import { digestText } from '../../src/digest/render-text.js';
import { demand } from '../analysis/report/records.js';
import { digestStore, FILL_FORM, w47 } from './fixture.js';

// How big the digest takes a group to be, week by week: the store keeps only today's size, so an
// earlier week's is no more than its own messages showed; sizes and names are read by platform and id.

const people = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);

describe('a group that grows from 3 to 6 people during the trend', () => {
  it('keeps the weeks it had 3 people out of a later digest (stored member count)', async () => {
    const { config, store } = await digestStore();
    const team = { platform: 'test', groupId: 'T', groupName: 'team', senderId: 'T1' };
    await store.upsertGroup({ platform: 'test', id: 'T', name: 'team', memberCount: 3, memberIds: people('T', 3) });
    await store.add(demand({ ...team, recipients: 2, id: 't45', ts: w47(-14, 10), text: FILL_FORM }, ['data-request']));
    await store.flush();
    const boss: Recipient = { platform: 'test', user: 'boss', scope: { platform: 'test', groupIds: ['T'] }, lang: 'en' };

    // Sent in W46: a group of 3, every figure held back.
    expect((await buildDigest(config, store, boss, '2026-W45')).heldBack).toBe('all-small');

    // Three people join in W46; team sends a form in W47 to its 5 others.
    await store.upsertGroup({ platform: 'test', id: 'T', name: 'team', memberCount: 6, memberIds: people('T', 6) });
    await store.add(demand({ ...team, recipients: 5, id: 't47', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    await store.flush();
    const later = await buildDigest(config, store, boss, '2026-W47');
    expect(later.trend.map((w) => [w.week, w.demands])).toContainEqual(['2026-W45', 0]);
    expect(digestText(later, config.digest.thresholds)).toContain('W45 0.0 →');
  });

  it('keeps the weeks 3 people had spoken out, where the platform tells no size (DingTalk: members are those heard)', async () => {
    const { config, store } = await digestStore();
    const team = { platform: 'dingtalk', groupId: 'T', groupName: 'team', senderId: 'T1', recipients: 0 };
    for (const s of people('T', 3)) await store.upsertGroup({ platform: 'dingtalk', id: 'T', name: 'team', speakerId: s });
    await store.add(demand({ ...team, id: 't45', ts: w47(-14, 10), text: FILL_FORM }, ['data-request']));
    await store.flush();
    const boss: Recipient = { platform: 'dingtalk', user: 'boss', scope: { platform: 'dingtalk', groupIds: ['T'] }, lang: 'en' };
    expect((await buildDigest(config, store, boss, '2026-W45')).heldBack).toBe('all-small');

    // Three more speak in W46 and W47.
    for (const s of ['T4', 'T5', 'T6']) await store.upsertGroup({ platform: 'dingtalk', id: 'T', name: 'team', speakerId: s });
    await store.add(demand({ ...team, id: 't47', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    await store.flush();
    const later = await buildDigest(config, store, boss, '2026-W47');
    expect(later.trend.map((w) => [w.week, w.demands])).toContainEqual(['2026-W45', 0]);
  });
});

describe('the note that groups under 5 people are not counted', () => {
  it('is not said where no group of the scope is under 5 people', async () => {
    const { config, store } = await digestStore();
    await store.upsertGroup({ platform: 'test', id: 'L', name: 'large', memberCount: 20, memberIds: people('L', 20) });
    const inLarge = { platform: 'test', groupId: 'L', groupName: 'large', senderId: 'L1', recipients: 19 };
    const inSales = { platform: 'test', groupId: 'M', groupName: 'sales', senderId: 'M1', recipients: 9 };
    await store.add(demand({ ...inLarge, id: 'l1', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    await store.add(demand({ ...inSales, id: 'm1', ts: w47(2, 10), text: '大家给这篇文章点赞转发' }, ['like-quota']));
    await store.flush();
    for (const lang of ['en', 'zh'] as const) {
      const d = await buildDigest(config, store, { platform: 'test', user: 'boss', scope: {}, lang }, '2026-W47');
      expect(d.groups.map((g) => g.name)).toEqual(['large', 'sales']);
      expect(d.smallGroupsLeftOut).toBeUndefined();
      expect(digestText(d, config.digest.thresholds)).not.toMatch(/not counted in this digest|不足 5 人的群未计入/);
    }
  });
});

describe("a group of 5 or more whose size only its messages tell, beside another platform's group of the same id", () => {
  it('is quoted and named in findings as it is shown in the rows', async () => {
    const { config, store } = await digestStore();
    await store.upsertGroup({ platform: 'slack', id: 'x', name: 'finance', memberCount: 20, memberIds: people('F', 20) });
    // No size stored for WeChat's x: its messages show 10 people.
    const inSales = { platform: 'wechat', groupId: 'x', groupName: 'sales', senderId: 'S1', senderName: 'Sun', recipients: 9 };
    await store.add(
      demand({ platform: 'slack', groupId: 'x', groupName: 'finance', senderId: 'F1', recipients: 19, id: 'f1', ts: w47(1, 10), text: FILL_FORM }, [
        'data-request',
      ]),
    );
    await store.add(demand({ ...inSales, id: 's1', ts: w47(1, 11), text: FILL_FORM }, ['data-request']));
    await store.flush();
    const boss: Recipient = { platform: 'test', user: 'boss', scope: {}, lang: 'en' };
    const d = await buildDigest(config, store, boss, '2026-W47');
    expect(d.groups.map((g) => g.name)).toEqual(['finance', 'sales']);
    expect(d.examples.map((e) => e.group)).toEqual(['finance', 'sales']);
    expect(d.duplicates).toEqual([['finance', 'sales']]);
  });
});
