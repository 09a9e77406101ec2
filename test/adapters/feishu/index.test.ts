import type { EventDispatcher } from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeishuAdapter } from '../../../adapters/feishu/index.js';
import type { Adapter } from '../../../src/core/adapter.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { WorkError } from '../../../src/core/errors.js';
import { BOT_OPEN_ID, receiveEvent, startFeishuStub, type FeishuStub } from './feishu-stub.js';
import { waitFor } from '../../support/wait-for.js';
import { MessageSink } from '../../support/message-sink.js';

// Events go through the SDK's own EventDispatcher.invoke, as its long connection calls it; the
// SDK's Client talks to the local open-API stand-in at apiUrl.

const SETTINGS = { appId: 'cli_0123456789abcdef', appSecret: 'secret', groupMessages: false };

let stub: FeishuStub;
let adapter: Adapter;
let dispatcher: EventDispatcher;
const sink = new MessageSink();
const logs: string[] = [];

const byId = (id: string) => sink.byId(id);
const deliver = (event: unknown) => dispatcher.invoke(event, { needCheck: false });
const mention = (key: string, openId: string, name: string) => ({ key, id: { open_id: openId }, name, tenant_key: 'tk' });

beforeAll(async () => {
  stub = await startFeishuStub(
    {
      oc_ops: { name: '运营群', owner: 'ou_boss', members: ['ou_li', 'ou_wang', 'ou_boss'] },
      // Fields of another type than the IM API's.
      oc_odd: { name: { a: 1 }, owner: 42, members: ['ou_li', 42] },
      ...Object.fromEntries(
        ['oc_n1', 'oc_n2', 'oc_n3', 'oc_n4', 'oc_n5', 'oc_n6'].map((id) => [id, { name: id, owner: 'ou_boss', members: ['ou_li', 'ou_wang'] }]),
      ),
    },
    2,
  );
  adapter = createFeishuAdapter(
    { ...SETTINGS, apiUrl: stub.url },
    {
      log: (line) => logs.push(line),
      connect: async (d) => {
        dispatcher = d;
      },
    },
  );
  await adapter.start(sink.onMessage);
});

afterAll(async () => {
  await adapter?.stop();
  await stub?.close();
});

describe('Feishu adapter', () => {
  it("hands over an @-mention of the bot with @all, the chat's name, size, members and mentions-only coverage", async () => {
    await deliver(
      receiveEvent('ev-1', {
        message_id: 'om_1',
        content: JSON.stringify({ text: '@_user_1 @_all 请全体同事今晚十点前完成打卡并截图发群里' }),
        mentions: [mention('@_user_1', BOT_OPEN_ID, 'fingertip')],
      }),
    );
    expect(await waitFor(byId('om_1'))).toEqual({
      platform: 'feishu',
      id: 'om_1',
      group: { id: 'oc_ops', name: '运营群', memberCount: 3, members: ['ou_li', 'ou_wang', 'ou_boss'], coverage: 'mentions-only' },
      sender: { id: 'ou_li' },
      text: '@所有人 请全体同事今晚十点前完成打卡并截图发群里',
      ts: 1800000000000,
      kind: 'text',
      mentionsAll: true,
      mentioned: [],
      addressed: true,
      replyTo: null,
      senderIsAdmin: false,
    });
    // The token came from the stub and was used on the IM calls.
    expect(stub.callsTo('GET', '/open-apis/im/v1/chats/oc_ops')[0].authorization).toBe('Bearer t-stub');
  });

  it('reads a post: title and paragraphs as lines, people as @name, @all in an at tag', async () => {
    const post = {
      title: '本周材料',
      content: [
        [
          { tag: 'at', user_id: '@_user_1', user_name: 'fingertip' },
          { tag: 'text', text: ' 请各位' },
          { tag: 'at', user_id: 'all', user_name: '所有人' },
        ],
        [
          { tag: 'text', text: '今天下班前填写' },
          { tag: 'a', text: '统计表', href: 'https://example.com/form' },
          { tag: 'img', image_key: 'img_1' },
        ],
      ],
    };
    await deliver(
      receiveEvent('ev-2', {
        message_id: 'om_2',
        message_type: 'post',
        content: JSON.stringify(post),
        mentions: [mention('@_user_1', BOT_OPEN_ID, 'fingertip')],
      }),
    );
    expect(await waitFor(byId('om_2'))).toMatchObject({
      kind: 'text',
      text: '本周材料\n@fingertip 请各位@所有人\n今天下班前填写统计表[image]',
      mentionsAll: true,
      addressed: true,
    });
  });

  it('answers an event only once the bot has finished with its message, and a redelivery with it', async () => {
    const release = sink.hold();
    const answered: string[] = [];
    const message = { message_id: 'om_3', content: JSON.stringify({ text: 'stats' }) };
    const first = deliver(receiveEvent('ev-3', message)).then(() => answered.push('ev-3'));
    await waitFor(byId('om_3'));
    const again = deliver(receiveEvent('ev-3b', message)).then(() => answered.push('ev-3b'));
    // Another event is answered meanwhile: the two wait for the bot, not for the dispatcher.
    const fromApp = receiveEvent('ev-3c', { message_id: 'om_3c', content: JSON.stringify({ text: 'bot says' }) });
    (fromApp.event as { sender: { sender_type: string } }).sender.sender_type = 'app';
    await deliver(fromApp);
    expect(answered).toEqual([]);
    release();
    await Promise.all([first, again]);
    expect(answered).toEqual(['ev-3', 'ev-3b']);
    expect(sink.received.map((m) => m.id)).toEqual(['om_3']);
  });

  it('drops a redelivered message (same message_id, new event)', async () => {
    const message = { message_id: 'om_4', content: JSON.stringify({ text: 'All staff: fill in the attendance form by 5pm today' }) };
    await deliver(receiveEvent('ev-4a', message));
    await deliver(receiveEvent('ev-4b', message));
    await deliver(receiveEvent('ev-4c', { message_id: 'om_4_after', content: JSON.stringify({ text: 'ok' }) }));
    await waitFor(byId('om_4_after'));
    expect(sink.received.map((m) => m.id)).toEqual(['om_4', 'om_4_after']);
  });

  it('hands over a one-to-one chat as addressed without a group, the owner as admin, replies with their parent', async () => {
    await deliver(receiveEvent('ev-5', { message_id: 'om_5', chat_id: 'oc_p2p', chat_type: 'p2p', content: JSON.stringify({ text: '统计 我' }) }));
    expect(await waitFor(byId('om_5'))).toMatchObject({ group: null, addressed: true, text: '统计 我' });
    await deliver(receiveEvent('ev-6', { message_id: 'om_6', parent_id: 'om_1', content: JSON.stringify({ text: '收到' }) }, 'ou_boss'));
    expect(await waitFor(byId('om_6'))).toMatchObject({ replyTo: 'om_1', senderIsAdmin: true, addressed: false });
    expect(await adapter.isGroupAdmin('oc_ops', 'ou_boss')).toBe(true);
    expect(await adapter.isGroupAdmin('oc_ops', 'ou_li')).toBe(false);
  });

  it('maps images and files to placeholders and ignores messages of apps', async () => {
    await deliver(receiveEvent('ev-7', { message_id: 'om_7', message_type: 'image', content: JSON.stringify({ image_key: 'img_x' }) }));
    await deliver(receiveEvent('ev-8', { message_id: 'om_8', message_type: 'file', content: JSON.stringify({ file_key: 'f', file_name: '考勤表.xlsx' }) }));
    const fromApp = receiveEvent('ev-9', { message_id: 'om_9', content: JSON.stringify({ text: 'bot says' }) });
    (fromApp.event as { sender: { sender_type: string } }).sender.sender_type = 'app';
    await deliver(fromApp);
    await deliver(receiveEvent('ev-10', { message_id: 'om_10', content: JSON.stringify({ text: 'end' }) }));
    await waitFor(byId('om_10'));
    expect(sink.received.map((m) => [m.id, m.kind, m.text])).toEqual([
      ['om_7', 'image', '[image]'],
      ['om_8', 'file', '[file] 考勤表.xlsx'],
      ['om_10', 'text', 'end'],
    ]);
  });

  it('logs an event whose content is not JSON, naming the message, and hands nothing over', async () => {
    await deliver(receiveEvent('ev-11', { message_id: 'om_11', content: '{broken' }));
    expect(logs).toContain('feishu: event ev-11 skipped: message om_11: content is not JSON');
    expect(sink.received).toEqual([]);
  });

  it('logs and answers as done, handing nothing over, a message whose create_time is no time in milliseconds', async () => {
    for (const [id, time] of [
      ['om_t1', '10000000000000000'],
      ['om_t2', '-5'],
      ['om_t3', '1800000000'],
    ])
      await deliver(receiveEvent(`ev-${id}`, { message_id: id, content: JSON.stringify({ text: '收到' }), create_time: time }));
    expect(logs.filter((l) => l.includes('om_t'))).toEqual([
      'feishu: event ev-om_t1 skipped: message om_t1 at create_time 10000000000000000: time is after 2099 (milliseconds given as seconds?)',
      'feishu: event ev-om_t2 skipped: message om_t2 at create_time -5: time is before 2000 (a missing time given as 0?)',
      'feishu: event ev-om_t3 skipped: message om_t3 at create_time 1800000000: time is before 2000 (a missing time given as 0?)',
    ]);
    expect(sink.received).toEqual([]);
  });

  it('takes a parent_id that is no text for none, and logs and skips a message whose own ids are no text', async () => {
    await deliver(receiveEvent('ev-p5', { message_id: 'om_p5', parent_id: 5, content: JSON.stringify({ text: '收到' }) }));
    expect(await waitFor(byId('om_p5'))).toMatchObject({ replyTo: null });
    await deliver(receiveEvent('ev-n5', { message_id: 5, content: JSON.stringify({ text: '收到' }) }));
    await deliver(receiveEvent('ev-c5', { message_id: 'om_c5', chat_id: { a: 1 }, content: JSON.stringify({ text: '收到' }) }));
    await deliver(receiveEvent('ev-s5', { message_id: 'om_s5', content: JSON.stringify({ text: '收到' }) }, 5 as never));
    for (const id of ['ev-n5', 'ev-c5', 'ev-s5']) expect(logs).toContain(`feishu: event ${id} skipped: event ${id}: no message_id, chat_id or sender open_id`);
    expect(sink.received.map((m) => m.id)).toEqual(['om_p5']);
  });

  it("logs an event that names no sender, rather than passing it by as an app's message", async () => {
    const noSender = receiveEvent('ev-12', { message_id: 'om_12', content: JSON.stringify({ text: 'hi' }) });
    delete (noSender.event as { sender?: unknown }).sender;
    await deliver(noSender);
    expect(logs).toContain('feishu: event ev-12 skipped: event ev-12: no sender');
    expect(sink.received).toEqual([]);
  });

  it('answers in the group by replying to the message, and privately by open_id', async () => {
    await adapter.sendToGroup('oc_ops', { text: '本周 3 条形式主义要求' }, { replyTo: 'om_1' });
    expect(stub.callsTo('POST', '/open-apis/im/v1/messages/om_1/reply').at(-1)?.body).toEqual({
      msg_type: 'text',
      content: JSON.stringify({ text: '本周 3 条形式主义要求' }),
    });
    await adapter.sendToGroup('oc_ops', { text: 'digest' });
    await adapter.sendPrivate('ou_wang', { text: 'your week' }, { groupId: 'oc_ops' });
    expect(stub.callsTo('POST', '/open-apis/im/v1/messages').map((c) => [c.query.receive_id_type, c.body])).toEqual([
      ['chat_id', { receive_id: 'oc_ops', msg_type: 'text', content: JSON.stringify({ text: 'digest' }) }],
      ['open_id', { receive_id: 'ou_wang', msg_type: 'text', content: JSON.stringify({ text: 'your week' }) }],
    ]);
  });

  it("reports a refused send as a WorkError with Feishu's code", async () => {
    stub.replyOnce('POST', '/open-apis/im/v1/messages/om_gone/reply', { status: 400, body: { code: 230011, msg: 'The message was withdrawn.' } });
    const attempt = adapter.sendToGroup('oc_ops', { text: 'x' }, { replyTo: 'om_gone' });
    await expect(attempt).rejects.toThrow(WorkError);
    await expect(attempt).rejects.toThrow('feishu: cannot send (im.message.reply om_gone: HTTP 400, code 230011 The message was withdrawn.)');
  });

  it('reads a chat name, owner or member id of another type than text as none, and keeps the message', async () => {
    await deliver(receiveEvent('ev-odd', { message_id: 'om_odd', chat_id: 'oc_odd', content: JSON.stringify({ text: 'hi' }) }));
    expect(await waitFor(byId('om_odd'))).toMatchObject({
      group: { id: 'oc_odd', name: undefined, memberCount: 2, members: ['ou_li'] },
      senderIsAdmin: false,
    });
    expect(await adapter.isGroupAdmin('oc_odd', 'ou_li')).toBe(false);
  });

  it('keeps a message whose chat cannot be looked up, without a member count', async () => {
    await deliver(receiveEvent('ev-12', { message_id: 'om_12', chat_id: 'oc_unknown', content: JSON.stringify({ text: 'hi' }) }));
    expect(await waitFor(byId('om_12'))).toMatchObject({ group: { id: 'oc_unknown', coverage: 'mentions-only' } });
    expect(sink.received[0].group?.memberCount).toBeUndefined();
    expect(logs).toContain(
      'feishu: no details for chat oc_unknown (im.v1.chat.get oc_unknown: HTTP 400, code 232011 the bot is not in the chat); message om_12 kept without a member count',
    );
  });

  it("reads a chat's user_count of another type than a count as none, counting its members instead", async () => {
    const cases: [string, unknown, number][] = [
      ['oc_n1', true, 2],
      ['oc_n2', '', 2],
      ['oc_n3', [], 2],
      ['oc_n4', -3, 2],
      ['oc_n5', '7', 7],
      ['oc_n6', 12, 12],
    ];
    for (const [chat, userCount] of cases) {
      stub.replyOnce('GET', `/open-apis/im/v1/chats/${chat}`, {
        body: { code: 0, msg: 'ok', data: { name: chat, owner_id: 'ou_boss', user_count: userCount } },
      });
      await deliver(receiveEvent(`ev-${chat}`, { message_id: `om_${chat}`, chat_id: chat, content: JSON.stringify({ text: 'hi' }) }));
    }
    // Before, Number() made true 1 and "" or [] 0.
    for (const [chat, , count] of cases) expect((await waitFor(byId(`om_${chat}`))).group?.memberCount, chat).toBe(count);
  });
});

describe('Feishu adapter with im:message.group_msg', () => {
  it('marks groups as fully covered and a message not mentioning the bot as not addressed', async () => {
    const full = createFeishuAdapter({ ...SETTINGS, groupMessages: true, apiUrl: stub.url }, { log: () => {}, connect: async (d) => void (dispatcher = d) });
    const got: ChatMessage[] = [];
    await full.start(async (m) => void got.push(m));
    try {
      await deliver(
        receiveEvent('ev-20', {
          message_id: 'om_20',
          content: JSON.stringify({ text: '@_user_1 请今天交表' }),
          mentions: [mention('@_user_1', 'ou_wang', '王')],
        }),
      );
      const msg = await waitFor(() => got[0]);
      expect(msg).toMatchObject({ group: { coverage: 'full' }, addressed: false, text: '@王 请今天交表', mentionsAll: false });
    } finally {
      await full.stop();
    }
  });

  it('fails to start with one line when the credentials are refused', async () => {
    stub.replyOnce('POST', '/open-apis/auth/v3/tenant_access_token/internal', { body: { code: 10014, msg: 'app secret invalid' } });
    // Another app id: the SDK caches tenant tokens per app id for the whole process.
    const bad = createFeishuAdapter(
      { ...SETTINGS, appId: 'cli_fedcba9876543210', appSecret: 'wrong', apiUrl: stub.url },
      { log: () => {}, connect: async () => {} },
    );
    const attempt = bad.start(async () => {});
    await expect(attempt).rejects.toThrow(WorkError);
    await expect(attempt).rejects.toThrow(/^feishu: cannot identify the bot, check adapters\.feishu\.appId\/appSecret/);
  });
  it('reads a message back by id for a `missed` report, once started', async () => {
    stub.messages.set('om_back', {
      message_id: 'om_back',
      msg_type: 'text',
      create_time: '1800000000000',
      chat_id: 'oc_ops',
      sender: { id: 'ou_wang', id_type: 'open_id', sender_type: 'user' },
      body: { content: JSON.stringify({ text: '各位今天下班前在群里接龙报一下体温' }) },
    });
    expect(await adapter.messageOf!('om_back')).toEqual({ text: '各位今天下班前在群里接龙报一下体温', senderId: 'ou_wang', ts: 1_800_000_000_000 });
  });
});
