import { afterEach } from 'vitest';
import { defaultConfig } from '../../src/core/config-defaults.js';
import type { Config } from '../../src/core/config.js';
import { openStore } from '../../src/analysis/open-store.js';
import type { Store } from '../../src/store/store.js';
import { demand, record } from '../analysis/report/records.js';
import { SQLITE, type Engine } from '../support/databases.js';

const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** Local time in Shanghai on a day of 2026-W47 (day 0 = Monday 2026-11-16), as epoch ms. */
export const w47 = (day: number, hh: number, mm = 0): number => Date.UTC(2026, 10, 16 + day, hh - 8, mm);
/** Tuesday 2026-11-24 11:00 in Shanghai: the last complete week is 2026-W47. */
export const NOW = w47(8, 11);

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export const FILL_FORM = '请各位今天下班前填写附件统计表并上报';

/** A config on a fresh database (a SQLite file in a temp folder unless told), edited by the test. */
export async function digestStore(edit: (c: Config) => void = () => {}, engine: Engine = SQLITE): Promise<{ config: Config; store: Store }> {
  const config = defaultConfig();
  config.db = await engine.fresh();
  edit(config);
  const store = await openStore(config.db, config.timezone);
  open.push(store);
  return { config, store };
}

/**
 * A known week (2026-W47) and the four before it. ops (58 people): a clock-in-with-screenshot demand
 * after hours drawing 6 acks, and a form; hr (20): the same form again and a like-quota; tiny (3
 * people): a reply-received demand; ops-copy shares 50 of ops' members. Weeks W43-W46 hold one form
 * in ops each. Chen only chats and must never be named.
 */
export async function seedWeek(store: Store): Promise<void> {
  const ops = ids('U', 58);
  await store.upsertGroup({ platform: 'test', id: 'C01', name: 'ops', memberCount: 58, memberIds: ops });
  await store.upsertGroup({ platform: 'test', id: 'C02', name: 'hr', memberCount: 20, memberIds: ['U2', ...ids('H', 19)] });
  await store.upsertGroup({ platform: 'test', id: 'C03', name: 'tiny', memberCount: 3, memberIds: ['U3', 'T1', 'T2'] });
  await store.upsertGroup({ platform: 'test', id: 'C04', name: 'ops-copy', memberCount: 50, memberIds: ops.slice(0, 50) });
  const inOps = { platform: 'test', groupId: 'C01', groupName: 'ops', senderId: 'U1', senderName: 'Li', recipients: 57 };
  const inHr = { platform: 'test', groupId: 'C02', groupName: 'hr', senderId: 'U2', senderName: 'Wang', recipients: 19 };
  // Added together: each add resolves on its batch's commit, so awaiting one by one would wait per record.
  const adds: Promise<unknown>[] = [];
  for (let week = 1; week <= 4; week++) {
    adds.push(store.add(demand({ ...inOps, id: `old${week}`, ts: w47(1 - 7 * week, 10), text: `${FILL_FORM}（第${week}次）` }, ['data-request'])));
  }
  adds.push(store.add(demand({ ...inOps, id: 'd1', ts: w47(0, 21, 5), text: '请全体同事今晚十点前完成打卡并截图发群里' }, ['check-in', 'proof-demand'])));
  for (let i = 0; i < 6; i++) {
    adds.push(
      store.add(
        record({ ...inOps, id: `ack${i}`, ts: w47(0, 21, 6 + i), senderId: `U${10 + i}`, senderName: `M${i}`, isAck: true, replyTo: 'd1', hash: 'ack' }),
      ),
    );
  }
  adds.push(store.add(record({ ...inOps, id: 'chat1', ts: w47(1, 9), senderId: 'U20', senderName: 'Chen' })));
  adds.push(store.add(demand({ ...inOps, id: 'd2', ts: w47(1, 10), text: FILL_FORM }, ['data-request'])));
  adds.push(store.add(demand({ ...inHr, id: 'd3', ts: w47(1, 11), text: FILL_FORM }, ['data-request'])));
  adds.push(store.add(demand({ ...inHr, id: 'd4', ts: w47(2, 15), text: '大家给这篇文章点赞转发' }, ['like-quota'])));
  adds.push(
    store.add(
      demand(
        {
          platform: 'test',
          groupId: 'C03',
          groupName: 'tiny',
          senderId: 'U3',
          senderName: 'Zhao',
          recipients: 2,
          id: 'd5',
          ts: w47(3, 10),
          text: '请回复收到',
        },
        ['ack-demand'],
      ),
    ),
  );
  await Promise.all(adds);
  await store.addLead('test', 'C01', '主任要求每天在三个群里重复报体温', w47(4, 12));
  await store.flush();
}

/**
 * Two groups of 20 in 2026-W47 named after a member, 王小明 in "王小明的工作群", Alice Chen in "Alice
 * Chen's team", each sent the same form; the groups share 19 members, and a lead names Alice Chen.
 * Then 王小明 opts out and Alice Chen is forgotten.
 */
export async function seedNamedGroups(store: Store): Promise<void> {
  const members = ids('W', 20);
  await store.upsertGroup({ platform: 'test', id: 'G1', name: '王小明的工作群', memberCount: 20, memberIds: members });
  await store.upsertGroup({ platform: 'test', id: 'G2', name: "Alice Chen's team", memberCount: 20, memberIds: [...members.slice(0, 19), 'A1'] });
  const g1 = { platform: 'test', groupId: 'G1', groupName: '王小明的工作群', recipients: 19 };
  const g2 = { platform: 'test', groupId: 'G2', groupName: "Alice Chen's team", recipients: 19 };
  await store.add(record({ ...g1, senderId: 'W1', senderName: '王小明', id: 'm1', ts: w47(0, 9) }));
  await store.add(record({ ...g2, senderId: 'A1', senderName: 'Alice Chen', id: 'm2', ts: w47(0, 9) }));
  await store.add(demand({ ...g1, senderId: 'W2', senderName: 'Li', id: 'd1', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
  await store.add(demand({ ...g2, senderId: 'W2', senderName: 'Li', id: 'd2', ts: w47(1, 11), text: FILL_FORM }, ['data-request']));
  await store.addLead('test', 'G2', 'Alice Chen 每天都要大家截图', w47(1, 12));
  await store.flush();
  await store.setOptOut('test', 'W1', true);
  await store.forgetUser('test', 'A1');
}
