import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.js';
import { SlackDirectory } from '../../../adapters/slack/directory.js';
import { enrich } from '../../../adapters/slack/enrich.js';
import { createWebClient } from '../../../adapters/slack/web-client.js';
import type { ChatMessage } from '../../../src/bot/chat-message.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';

let stub: SlackApiStub;
beforeAll(async () => {
  stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2'] } } });
});
afterAll(() => stub.close());

const draft = (group: string | null, sender: string): ChatMessage => ({
  platform: 'slack',
  id: `${group ?? 'D1'}/1800000000.000100`,
  group: group ? { id: group } : null,
  sender: { id: sender },
  text: '请大家今晚十点前完成打卡',
  ts: 1_800_000_000_000,
});

describe('enrich', () => {
  const lines: string[] = [];
  const dir = () => new SlackDirectory(createWebClient({ token: 'x', port: 0, apiUrl: stub.url, admins: ['UCFG'] }, boltLogger(() => {})), ['UCFG'], 60_000);

  it('adds group name, members, count, sender name and admin right', async () => {
    expect(await enrich(draft('C01', 'U1'), dir(), (l) => lines.push(l))).toMatchObject({
      group: { id: 'C01', name: 'ops', memberCount: 2, members: ['U1', 'U2'] },
      sender: { id: 'U1', name: 'Li' },
      senderIsAdmin: false,
    });
  });

  it('keeps the message when lookups fail, logs why, and still knows config admins', async () => {
    lines.length = 0;
    const msg = await enrich(draft('C404', 'UCFG'), dir(), (l) => lines.push(l));
    expect(msg).toMatchObject({ group: { id: 'C404' }, sender: { id: 'UCFG' }, senderIsAdmin: true, text: '请大家今晚十点前完成打卡' });
    expect(msg.group?.memberCount).toBeUndefined();
    expect(lines).toEqual([
      'slack: no members for channel C404 (An API error occurred: channel_not_found); message C404/1800000000.000100 kept without a member count',
      'slack: no profile for user UCFG (An API error occurred: user_not_found)',
    ]);
  });

  it('leaves a DM without a group', async () => {
    expect((await enrich(draft(null, 'U1'), dir(), () => {})).group).toBeNull();
  });
});
