import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.js';
import { SlackDirectory } from '../../../adapters/slack/directory.js';
import { lookUp, withDirectory } from '../../../adapters/slack/enrich.js';
import { createWebClient } from '../../../adapters/slack/web-client.js';
import { BurstLog } from '../../../adapters/common/burst-log.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
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

describe('withDirectory and lookUp', () => {
  const dir = () =>
    new SlackDirectory(
      createWebClient(
        { token: 'x', port: 0, apiUrl: stub.url, admins: ['UCFG'] },
        boltLogger(() => {}),
      ),
      ['UCFG'],
      60_000,
    );

  it('adds nothing before the lookups, and counts what is missing, without calling the Web API', () => {
    const before = stub.calls.length;
    const { msg, missing } = withDirectory(draft('C01', 'U1'), dir());
    expect(missing).toBe(2);
    expect(msg.group).toEqual({ id: 'C01' });
    expect(msg.sender).toEqual({ id: 'U1' });
    expect(msg.senderIsAdmin).toBe(false);
    expect(stub.calls.length).toBe(before);
  });

  it('adds group name, members, count, sender name and admin right once looked up', async () => {
    const directory = dir();
    await lookUp(draft('C01', 'U1'), directory, new BurstLog(() => {}, 'lookups failed'));
    expect(withDirectory(draft('C01', 'U1'), directory)).toMatchObject({
      missing: 0,
      msg: { group: { id: 'C01', name: 'ops', memberCount: 2, members: ['U1', 'U2'] }, sender: { id: 'U1', name: 'Li' }, senderIsAdmin: false },
    });
  });

  it('keeps the message when lookups fail, logs why, and still knows config admins', async () => {
    const lines: string[] = [];
    const directory = dir();
    await lookUp(draft('C404', 'UCFG'), directory, new BurstLog((l) => lines.push(`slack: ${l}`), 'lookups failed', 60_000));
    const { msg, missing } = withDirectory(draft('C404', 'UCFG'), directory);
    expect(missing).toBe(2);
    expect(msg).toMatchObject({ group: { id: 'C404' }, sender: { id: 'UCFG' }, senderIsAdmin: true, text: '请大家今晚十点前完成打卡' });
    expect(msg.group?.memberCount).toBeUndefined();
    // One line for the burst; the second failure is counted for the line that sums it up.
    expect(lines).toEqual(['slack: no members for channel C404 (An API error occurred: channel_not_found); its messages are kept without a member count']);
  });

  it('leaves a DM without a group, missing only its sender', () => {
    expect(withDirectory(draft(null, 'U1'), dir())).toMatchObject({ missing: 1, msg: { group: null } });
  });
});
