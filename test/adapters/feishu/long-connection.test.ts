import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuAdapter } from '../../../adapters/feishu/index.js';
import { Bot } from '../../../src/bot/bot.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { defaultEngine } from '../../../src/engine/index.js';
import { openStore } from '../../../src/analysis/open-store.js';
import { RunningBots, type RunningBot } from '../../support/running-bots.js';
import { committed, holdWriteLock } from '../../support/sqlite-file.js';
import { tempDir } from '../../support/temp-dir.js';
import { waitFor } from '../../support/wait-for.js';
import { BOT_OPEN_ID, receiveEvent, startFeishuStub, type EventAnswer, type FeishuStub } from './feishu-stub.js';
import { digestRecipients } from '../../../src/digest/recipients.js';

// The whole path: events pushed down the SDK's own long connection (WSClient) from the loopback
// stand-in → the Feishu adapter → the bot → a real SQLite file; the SDK's answer to each event
// (code 200, or 500 when the handler failed) comes back up the socket.

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';

const stubs: FeishuStub[] = [];
afterEach(async () => {
  for (const s of stubs.splice(0)) await s.close();
});
// Registered after the stubs' hook, so (hooks run in reverse) bots stop before their stubs close.
const running = new RunningBots();

async function startBot(log: (line: string) => void = () => {}) {
  const stub = await startFeishuStub({ oc_ops: { name: '运营群', owner: 'ou_boss', members: ['ou_li', 'ou_wang', 'ou_boss'] } });
  stubs.push(stub);
  const config = defaultConfig();
  config.db = join(tempDir(), 'bot.db');
  // A short busy timeout: a write under another connection's lock fails within the test.
  const store = await openStore(config.db, config.timezone, { busyTimeoutMs: 100 });
  const adapter = createFeishuAdapter({ appId: 'cli_0123456789abcdef', appSecret: 'secret', groupMessages: true, apiUrl: stub.url }, { log });
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [adapter], log: () => {} });
  await bot.start();
  const r: RunningBot = running.add({ bot, store });
  return { stub, db: config.db, running: r };
}

/** A group message `om` with its text, pushed as long-connection message `ws`. */
const push = (stub: FeishuStub, ws: string, om: string, text = DEMAND) =>
  stub.pushEvent(ws, receiveEvent(`ev-${ws}`, { message_id: om, content: JSON.stringify({ text }) }));

/** The file as it is the moment each answer arrives, by the long connection's message id. */
function readAtAnswer(stub: FeishuStub, db: string, messageOf: (ws: string) => string): Map<string, Promise<[number, boolean]>> {
  const seen = new Map<string, Promise<[number, boolean]>>();
  stub.onAnswer = (a: EventAnswer) =>
    seen.set(
      a.messageId,
      committed(db, 'feishu', messageOf(a.messageId)).then((hit) => [a.code, hit]),
    );
  return seen;
}

describe('Feishu adapter on the long connection', () => {
  it('answers an event 200 only once its message is committed to the SQLite file', async () => {
    const { stub, db } = await startBot();
    const atAnswer = readAtAnswer(stub, db, (ws) => `om-${ws}`);
    for (const ws of ['ws-1', 'ws-2', 'ws-3']) push(stub, ws, `om-${ws}`);
    await waitFor(() => atAnswer.size === 3, 'three answers', 5000);
    expect(await Promise.all([...atAnswer.values()])).toEqual([
      [200, true],
      [200, true],
      [200, true],
    ]);
  });

  it('answers 500 to events whose write fails, logs that once, and stores their redeliveries', async () => {
    const logs: string[] = [];
    const { stub, db, running: bot } = await startBot((line) => logs.push(line));
    // The chat is known first, so that the writes that fail are the messages' own commits.
    push(stub, 'ws-warm', 'om-warm');
    await waitFor(() => stub.answers.length === 1, 'the first answer', 5000);

    const lock = await holdWriteLock(db);
    push(stub, 'ws-1', 'om-1');
    push(stub, 'ws-2', 'om-2', 'All staff: fill in the attendance form by 5pm today');
    await waitFor(() => stub.answers.length === 3, 'two more answers', 5000);
    await lock.release();
    expect(stub.answers.slice(1)).toEqual(
      expect.arrayContaining([
        { messageId: 'ws-1', code: 500 },
        { messageId: 'ws-2', code: 500 },
      ]),
    );
    expect(await committed(db, 'feishu', 'om-1')).toBe(false);
    // One line for the burst; the SDK's own line for each failed event is left out.
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^feishu: message om-[12] failed, answered as failed so Feishu pushes it again: .*bot\.db: the database is locked by another process/,
    );

    // Feishu pushes the failed events again (same message, new delivery).
    const atAnswer = readAtAnswer(stub, db, (ws) => ws.replace('ws', 'om').replace('-again', ''));
    push(stub, 'ws-1-again', 'om-1');
    push(stub, 'ws-2-again', 'om-2', 'All staff: fill in the attendance form by 5pm today');
    await waitFor(() => atAnswer.size === 2, 'the redeliveries answered', 5000);
    expect(await Promise.all([...atAnswer.values()])).toEqual([
      [200, true],
      [200, true],
    ]);
    await running.stop(bot);
    expect(logs.slice(1)).toEqual([expect.stringMatching(/^feishu: 1 more messages failed in the last \d+ s \(the latest: message om-[12] failed/)]);
  });

  it('answers a recall (撤回) 200 only once its message is gone from the file, 500 while it cannot be removed', async () => {
    const logs: string[] = [];
    const { stub, db } = await startBot((line) => logs.push(line));
    push(stub, 'ws-1', 'om-1');
    await waitFor(() => stub.answers.length === 1, 'the message answered', 5000);
    const recall = (ws: string) =>
      stub.pushEvent(ws, {
        schema: '2.0',
        header: {
          event_id: `ev-${ws}`,
          event_type: 'im.message.recalled_v1',
          create_time: '1800000001000',
          token: '',
          app_id: 'cli_0123456789abcdef',
          tenant_key: 'tk',
        },
        event: { message_id: 'om-1', chat_id: 'oc_ops', recall_time: '1800000001000', recall_type: 'message_owner' },
      });

    const lock = await holdWriteLock(db);
    recall('ws-recall');
    await waitFor(() => stub.answers.length === 2, 'the recall answered', 5000);
    await lock.release();
    expect(stub.answers[1]).toEqual({ messageId: 'ws-recall', code: 500 });
    expect(await committed(db, 'feishu', 'om-1')).toBe(true);
    expect(logs).toEqual([expect.stringMatching(/^feishu: recall of message om-1 failed, answered as failed so Feishu pushes it again: .*locked/)]);

    const atAnswer = readAtAnswer(stub, db, () => 'om-1');
    recall('ws-recall-again');
    await waitFor(() => atAnswer.size === 1, 'the pushed-again recall answered', 5000);
    expect(await Promise.all([...atAnswer.values()])).toEqual([[200, false]]);
  });

  it('subscribes a supervisor @-mentioned by their open_id, not the name the text shows, and refuses one whose id it is not given', async () => {
    const { stub, running: bot } = await startBot();
    const answers = () =>
      stub.callsTo('POST', '/open-apis/im/v1/messages').map((c) => ({
        to: (c.body as { receive_id: string }).receive_id,
        text: (JSON.parse((c.body as { content: string }).content) as { text: string }).text,
      }));
    // The group's owner is its admin; Feishu shows each mention as a key the event pairs with the person.
    const mentions = [
      { key: '@_user_1', id: { open_id: BOT_OPEN_ID }, name: '减负助手' },
      { key: '@_user_2', id: { open_id: 'ou_wang' }, name: '王主任' },
      { key: '@_user_3', id: {}, name: '外部专家' },
    ];
    const admin = (ws: string, text: string) =>
      stub.pushEvent(ws, receiveEvent(`ev-${ws}`, { message_id: `om-${ws}`, content: JSON.stringify({ text }), mentions }, 'ou_boss'));
    const supervisors = async () => (await bot.store.groupSettings('feishu', 'oc_ops')).supervisors;

    admin('ws-set', '@_user_1 设置 周报接收人 @_user_2');
    await waitFor(() => answers().length > 0, 'the answer', 5000);
    expect(answers()[0]).toMatchObject({ to: 'ou_boss', text: expect.stringMatching(/^已保存。.*周报接收人：ou_wang$/) });
    expect(await supervisors()).toEqual(['ou_wang']);
    expect(await digestRecipients(defaultConfig(), bot.store)).toMatchObject([{ platform: 'feishu', user: 'ou_wang' }]);

    admin('ws-outside', '@_user_1 设置 周报接收人 @_user_3');
    await waitFor(() => answers().length > 1, 'the refusal', 5000);
    expect(answers()[1].text).toMatch(/^不知道“@外部专家”的用户 ID，没有保存。/);
    expect(await supervisors()).toEqual(['ou_wang']);

    admin('ws-remove', '@_user_1 设置 取消周报接收人 @_user_2');
    await waitFor(() => answers().length > 2, 'the removal', 5000);
    expect(await supervisors()).toEqual([]);
  });
});
