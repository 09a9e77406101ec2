import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDingtalkAdapter } from '../../../adapters/dingtalk/index.js';
import { Bot } from '../../../src/bot/bot.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { defaultEngine } from '../../../src/engine/index.js';
import { openStore } from '../../../src/store/open.js';
import { tempDir } from '../../support/temp-dir.js';
import { robotFrame, startDingtalkStub, type DingtalkStub } from './dingtalk-stub.js';
import { waitFor } from '../../support/wait-for.js';
import { RunningBots, type RunningBot } from '../../support/running-bots.js';

// The whole path: frames down a loopback WebSocket → DWClient → the DingTalk adapter → the bot →
// a real SQLite file; answers go out through the session webhook or the robot API of the stand-in.

const stubs: DingtalkStub[] = [];

afterEach(async () => {
  for (const s of stubs.splice(0)) await s.close();
});
// Registered after the stubs' hook, so (hooks run in reverse) bots stop before their stubs close.
const running = new RunningBots();

async function startBot(stub: DingtalkStub, db: string): Promise<RunningBot> {
  const config = defaultConfig();
  config.db = db;
  const store = await openStore(db);
  const adapter = createDingtalkAdapter({ clientId: 'ding-client', clientSecret: 'secret', robotCode: 'ding-client', apiUrl: stub.url }, { log: () => {} });
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [adapter], log: () => {} });
  await bot.start();
  const r = { bot, store };
  running.add(r);
  return r;
}

function mention(stub: DingtalkStub, msgId: string, text: string, sender = 'staff-li'): Record<string, unknown> {
  return {
    msgId,
    msgtype: 'text',
    text: { content: ` ${text}` },
    conversationId: 'cidGroup1==',
    conversationType: '2',
    conversationTitle: '教务处工作群',
    senderId: `$:LWCP_v1:$${sender}`,
    senderStaffId: sender,
    senderNick: '李老师',
    createAt: Date.now(),
    sessionWebhook: stub.webhook('group1'),
    sessionWebhookExpiredTime: Date.now() + 3_600_000,
  };
}

describe('DingTalk adapter through the bot', () => {
  it('answers "@robot stats group" in the group through the session webhook, and a redelivery after a restart not again', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(stub, db);
    const stats = mention(stub, 'msg-stats', 'stats group');
    stub.push(robotFrame('frame-1', stats));
    const [answer] = await waitFor(() => (stub.callsTo('/session/group1').length ? stub.callsTo('/session/group1') : undefined), 'the answer', 5000);
    expect((answer.body as { text: { content: string } }).text.content).toContain('教务处工作群');
    await running.stop(first);

    const second = await startBot(stub, db);
    stub.push(robotFrame('frame-1-again', stats));
    stub.push(robotFrame('frame-2', mention(stub, 'msg-help', 'help')));
    await waitFor(() => stub.callsTo('/v1.0/robot/oToMessages/batchSend').length > 0, 'a private answer', 5000);
    // Stopping waits for the adapter's work in flight, so a second answer would be out by now.
    await running.stop(second);
    expect(stub.callsTo('/session/group1')).toHaveLength(1);
    expect(stub.callsTo('/v1.0/robot/oToMessages/batchSend')[0].body).toMatchObject({ userIds: ['staff-li'] });
  });
});
