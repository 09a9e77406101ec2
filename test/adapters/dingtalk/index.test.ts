import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingtalkAdapter } from '../../../adapters/dingtalk/index.js';
import type { Adapter } from '../../../src/core/adapter.js';
import { WorkError } from '../../../src/core/errors.js';
import { robotFrame, startDingtalkStub, type DingtalkStub } from './dingtalk-stub.js';
import { waitFor } from '../../support/wait-for.js';
import { MessageSink } from '../../support/message-sink.js';

// The real DWClient connected over a real WebSocket to the local stand-in: frames pushed down the
// socket reach the SDK's onDownStream, acks come back up, answers go to the stub's HTTP APIs.

let stub: DingtalkStub;
let adapter: Adapter;
const sink = new MessageSink();
const logs: string[] = [];
const HOUR = 3_600_000;

const byId = (id: string) => sink.byId(id);
const ackOf = (frameId: string) => () => stub.acks.find((a) => a.headers.messageId === frameId);

function groupMessage(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    conversationId: 'cidGroup1==',
    conversationType: '2',
    conversationTitle: '教务处工作群',
    chatbotUserId: 'bot-1',
    senderId: '$:LWCP_v1:$sender1',
    senderStaffId: 'staff-li',
    senderNick: '李老师',
    isAdmin: false,
    createAt: 1800000000000,
    sessionWebhook: stub.webhook('group1'),
    sessionWebhookExpiredTime: Date.now() + HOUR,
    robotCode: 'ding-client',
    msgtype: 'text',
    ...fields,
  };
}

beforeAll(async () => {
  stub = await startDingtalkStub();
  adapter = createDingtalkAdapter(
    { clientId: 'ding-client', clientSecret: 'secret', robotCode: 'ding-robot', apiUrl: stub.url },
    { log: (line) => logs.push(line) },
  );
  await adapter.start(sink.onMessage);
});

afterAll(async () => {
  await adapter?.stop();
  await stub?.close();
});

describe('DingTalk adapter in Stream Mode', () => {
  it('opens the stream at apiUrl with the credentials and the robot topic', () => {
    const open = stub.callsTo('/v1.0/gateway/connections/open')[0];
    expect(open.body).toMatchObject({ clientId: 'ding-client', clientSecret: 'secret' });
    expect(open.body.subscriptions).toContainEqual({ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' });
  });

  it("hands over a group message as addressed, with the group's mentions-only coverage, and acks the frame", async () => {
    // The robot itself, among those @-mentioned, is no one the text names.
    const atUsers = [{ dingtalkId: 'bot-1' }];
    stub.push(robotFrame('frame-1', groupMessage({ msgId: 'msg-1', text: { content: ' @所有人 请全体同事今晚十点前完成打卡并截图发群里' }, atUsers })));
    expect(await waitFor(byId('msg-1'))).toEqual({
      platform: 'dingtalk',
      id: 'msg-1',
      group: { id: 'cidGroup1==', name: '教务处工作群', coverage: 'mentions-only' },
      sender: { id: 'staff-li', name: '李老师' },
      text: '@所有人 请全体同事今晚十点前完成打卡并截图发群里',
      ts: 1800000000000,
      kind: 'text',
      mentionsAll: true,
      mentioned: [],
      addressed: true,
      replyTo: null,
      senderIsAdmin: false,
    });
    const ack = await waitFor(ackOf('frame-1'));
    expect(JSON.parse(ack.data)).toEqual({ response: { status: 'SUCCESS' } });
  });

  it('acks a frame only once the bot has finished with its message, and its redelivery then', async () => {
    const release = sink.hold();
    stub.push(robotFrame('frame-2', groupMessage({ msgId: 'msg-2', text: { content: 'stats' } })));
    await waitFor(byId('msg-2'));
    stub.push(robotFrame('frame-2-again', groupMessage({ msgId: 'msg-2', text: { content: 'stats' } })));
    // Acks come back in the order they are sent: once this one is in, an ack of frame-2 would be too.
    stub.push({ ...(robotFrame('frame-2-bad', {}) as object), data: '{not json' });
    await waitFor(ackOf('frame-2-bad'));
    expect(ackOf('frame-2')()).toBeUndefined();
    expect(ackOf('frame-2-again')()).toBeUndefined();
    release();
    await waitFor(ackOf('frame-2'));
    await waitFor(ackOf('frame-2-again'));
    expect(sink.received.map((m) => m.id)).toEqual(['msg-2']);
  });

  it('drops a redelivered message (same msgId, new frame) but acks it again', async () => {
    const message = groupMessage({ msgId: 'msg-3', text: { content: 'All staff: fill in the attendance form by 5pm today' } });
    stub.push(robotFrame('frame-3a', message));
    await waitFor(byId('msg-3'));
    stub.push(robotFrame('frame-3b', message));
    stub.push(robotFrame('frame-3c', groupMessage({ msgId: 'msg-3-after', text: { content: 'help' } })));
    await waitFor(byId('msg-3-after'));
    await waitFor(ackOf('frame-3b'));
    expect(sink.received.map((m) => m.id)).toEqual(['msg-3', 'msg-3-after']);
  });

  it('hands over a single chat without a group, and a picture as a placeholder', async () => {
    stub.push(
      robotFrame('frame-4', {
        ...groupMessage({ msgId: 'msg-4', text: { content: '统计 我' }, sessionWebhook: stub.webhook('single-li') }),
        conversationType: '1',
        conversationId: 'cidSingle',
        conversationTitle: undefined,
      }),
    );
    expect(await waitFor(byId('msg-4'))).toMatchObject({ group: null, addressed: true, text: '统计 我', sender: { id: 'staff-li' } });
    stub.push(robotFrame('frame-5', groupMessage({ msgId: 'msg-5', msgtype: 'picture', content: { downloadCode: 'dc1' } })));
    expect(await waitFor(byId('msg-5'))).toMatchObject({ kind: 'image', text: '[image]' });
  });

  it('logs a frame that is no robot message, naming it, acks it and hands nothing over', async () => {
    stub.push({ ...(robotFrame('frame-bad', {}) as object), data: '{not json' });
    stub.push(robotFrame('frame-6', groupMessage({ msgId: 'msg-6', text: { content: 'help' } })));
    await waitFor(byId('msg-6'));
    await waitFor(ackOf('frame-bad'));
    expect(logs).toContain('dingtalk: frame frame-bad skipped: dingtalk: frame frame-bad: data is not JSON');
    expect(sink.received.map((m) => m.id)).toEqual(['msg-6']);
  });

  it('logs, acks and drops a message whose createAt is no time in milliseconds (past 2099, before 2000, seconds)', async () => {
    const times: [string, number][] = [
      ['frame-t1', 1e16],
      ['frame-t2', -5],
      ['frame-t3', 1800000000],
    ];
    for (const [frame, createAt] of times) stub.push(robotFrame(frame, groupMessage({ msgId: `msg-${frame}`, text: { content: '收到' }, createAt })));
    for (const [frame] of times) await waitFor(ackOf(frame), `the ack of ${frame}`);
    expect(logs.filter((l) => l.includes('frame-t'))).toEqual([
      'dingtalk: frame frame-t1 skipped: dingtalk: frame frame-t1: message msg-frame-t1 at createAt 10000000000000000: time is after 2099 (milliseconds given as seconds?)',
      'dingtalk: frame frame-t2 skipped: dingtalk: frame frame-t2: message msg-frame-t2 at createAt -5: time is before 2000 (a missing time given as 0?)',
      'dingtalk: frame frame-t3 skipped: dingtalk: frame frame-t3: message msg-frame-t3 at createAt 1800000000: time is before 2000 (a missing time given as 0?)',
    ]);
    expect(sink.received).toEqual([]);
  });

  it('answers a group through its session webhook while it lasts', async () => {
    const before = stub.callsTo('/v1.0/robot/groupMessages/send').length;
    await adapter.sendToGroup('cidGroup1==', { text: '本周 3 条形式主义要求' }, { replyTo: 'msg-6' });
    expect(stub.callsTo('/session/group1').at(-1)?.body).toEqual({ msgtype: 'text', text: { content: '本周 3 条形式主义要求' } });
    expect(stub.callsTo('/v1.0/robot/groupMessages/send')).toHaveLength(before);
  });

  it('falls back to the proactive send API once the session webhook has expired', async () => {
    stub.push(
      robotFrame('frame-7', {
        ...groupMessage({
          msgId: 'msg-7',
          text: { content: 'stats' },
          sessionWebhook: stub.webhook('group2-old'),
          sessionWebhookExpiredTime: Date.now() - 1000,
        }),
        conversationId: 'cidGroup2==',
      }),
    );
    await waitFor(byId('msg-7'));
    await adapter.sendToGroup('cidGroup2==', { text: 'weekly figures' });
    expect(stub.callsTo('/session/group2-old')).toHaveLength(0);
    const sent = stub.callsTo('/v1.0/robot/groupMessages/send').at(-1)!;
    expect(sent.headers['x-acs-dingtalk-access-token']).toBe('token-1');
    expect(sent.body).toEqual({
      robotCode: 'ding-robot',
      openConversationId: 'cidGroup2==',
      msgKey: 'sampleText',
      msgParam: JSON.stringify({ content: 'weekly figures' }),
    });
    expect(stub.callsTo('/v1.0/oauth2/accessToken')[0].body).toEqual({ appKey: 'ding-client', appSecret: 'secret' });
  });

  it('falls back to the proactive send API when the session webhook is refused', async () => {
    stub.replyOnce('/session/group1', { body: { errcode: 300001, errmsg: 'session expired' } });
    await adapter.sendToGroup('cidGroup1==', { text: 'again' });
    expect(stub.callsTo('/v1.0/robot/groupMessages/send').at(-1)?.body).toMatchObject({ openConversationId: 'cidGroup1==', msgParam: '{"content":"again"}' });
    expect(logs.at(-1)).toMatch(
      /^dingtalk: session webhook for group cidGroup1== failed \(session webhook refused: 300001 session expired\); sending through the robot API$/,
    );
  });

  it('answers privately in the single chat: its webhook, else the one-to-one send API', async () => {
    await adapter.sendPrivate('staff-li', { text: '你本周收到 2 条' });
    expect(stub.callsTo('/session/single-li').at(-1)?.body).toEqual({ msgtype: 'text', text: { content: '你本周收到 2 条' } });
    await adapter.sendPrivate('staff-wang', { text: 'your week' }, { groupId: 'cidGroup1==' });
    expect(stub.callsTo('/v1.0/robot/oToMessages/batchSend').at(-1)?.body).toEqual({
      robotCode: 'ding-robot',
      userIds: ['staff-wang'],
      msgKey: 'sampleText',
      msgParam: JSON.stringify({ content: 'your week' }),
    });
  });

  it('reports a refused proactive send as a WorkError naming the group', async () => {
    stub.replyOnce('/v1.0/robot/groupMessages/send', { status: 400, body: { code: 'invalidParameter', message: 'robot not in group' } });
    const attempt = adapter.sendToGroup('cidUnknown==', { text: 'x' });
    await expect(attempt).rejects.toThrow(WorkError);
    await expect(attempt).rejects.toThrow(/^dingtalk: cannot send to group cidUnknown==: HTTP 400/);
  });

  it('reports a one-to-one send DingTalk answered 200 to but lists as not reached as a WorkError naming whom', async () => {
    const answer = (invalid: string[], limited: string[]) => ({
      body: { processQueryKey: 'q1', invalidStaffIdList: invalid, flowControlledStaffIdList: limited },
    });
    stub.replyOnce('/v1.0/robot/oToMessages/batchSend', answer([], ['staff-zhao']));
    await expect(adapter.sendPrivate('staff-zhao', { text: 'x' })).rejects.toThrow(
      new WorkError("dingtalk: cannot send to user staff-zhao: batchSend did not reach staff-zhao: over DingTalk's rate limit (flowControlledStaffIdList)"),
    );
    stub.replyOnce('/v1.0/robot/oToMessages/batchSend', answer(['staff-gone'], []));
    await expect(adapter.sendPrivate('staff-gone', { text: 'x' })).rejects.toThrow(
      'dingtalk: cannot send to user staff-gone: batchSend did not reach staff-gone: not a staff id of the organisation (invalidStaffIdList)',
    );
    stub.replyOnce('/v1.0/robot/oToMessages/batchSend', answer([], []));
    await expect(adapter.sendPrivate('staff-zhao', { text: 'x' })).resolves.toBeUndefined();
  });

  it("knows admins from the callbacks' isAdmin", async () => {
    stub.push(robotFrame('frame-8', groupMessage({ msgId: 'msg-8', text: { content: 'config show' }, senderStaffId: 'staff-boss', isAdmin: true })));
    expect(await waitFor(byId('msg-8'))).toMatchObject({ senderIsAdmin: true });
    expect(await adapter.isGroupAdmin('cidGroup1==', 'staff-boss')).toBe(true);
    expect(await adapter.isGroupAdmin('cidGroup1==', 'staff-li')).toBe(false);
  });

  it('keeps admins per group, as the latest callback from each group says: not in another group, not once demoted', async () => {
    stub.push(robotFrame('frame-9', groupMessage({ msgId: 'msg-9', text: { content: 'hi' }, senderStaffId: 'staff-zhao', isAdmin: true })));
    await waitFor(byId('msg-9'));
    stub.push(
      robotFrame(
        'frame-10',
        groupMessage({ msgId: 'msg-10', conversationId: 'cidGroup2==', text: { content: 'hi' }, senderStaffId: 'staff-zhao', isAdmin: false }),
      ),
    );
    await waitFor(byId('msg-10'));
    expect(await adapter.isGroupAdmin('cidGroup1==', 'staff-zhao')).toBe(true);
    expect(await adapter.isGroupAdmin('cidGroup2==', 'staff-zhao')).toBe(false);

    stub.push(robotFrame('frame-11', groupMessage({ msgId: 'msg-11', text: { content: 'hi' }, senderStaffId: 'staff-zhao', isAdmin: false })));
    await waitFor(byId('msg-11'));
    expect(await adapter.isGroupAdmin('cidGroup1==', 'staff-zhao')).toBe(false);
  });
});

describe('DingTalk adapter start', () => {
  it('fails with one line when the gateway refuses the credentials', async () => {
    const refusing = await startDingtalkStub();
    refusing.replyOnce('/v1.0/gateway/connections/open', { status: 401, body: { code: 'InvalidAuthentication', message: 'bad secret' } });
    const bad = createDingtalkAdapter({ clientId: 'x', clientSecret: 'wrong', robotCode: 'x', apiUrl: refusing.url }, { log: () => {} });
    try {
      const attempt = bad.start(async () => {});
      await expect(attempt).rejects.toThrow(WorkError);
      await expect(attempt).rejects.toThrow(
        /^dingtalk: the stream gateway refused the connection \(HTTP 401: .*bad secret.*\); check adapters\.dingtalk\.clientId\/clientSecret$/,
      );
    } finally {
      await bad.stop();
      await refusing.close();
    }
  });
});
