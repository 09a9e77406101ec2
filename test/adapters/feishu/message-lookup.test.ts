import { Client, LoggerLevel } from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpMessage } from '../../../adapters/feishu/message-lookup.js';
import { BOT_OPEN_ID, startFeishuStub, type FeishuStub } from './feishu-stub.js';

let stub: FeishuStub;
let client: Client;
beforeAll(async () => {
  stub = await startFeishuStub({});
  client = new Client({ appId: 'cli_0123456789abcdef', appSecret: 'secret', domain: stub.url, loggerLevel: LoggerLevel.error });
});
afterAll(() => stub.close());

// An item of im.message.get's answer, as Feishu gives a member's text message.
const item = (id: string, fields: Record<string, unknown> = {}) => ({
  message_id: id,
  msg_type: 'text',
  create_time: '1800000000000',
  chat_id: 'oc_ops',
  deleted: false,
  sender: { id: 'ou_li', id_type: 'open_id', sender_type: 'user', tenant_key: 'tk' },
  body: { content: JSON.stringify({ text: '@_user_1 请各位老师本周五前把学生志愿时长汇总发我' }) },
  mentions: [{ key: '@_user_1', id: BOT_OPEN_ID, id_type: 'open_id', name: 'fingertip', tenant_key: 'tk' }],
  ...fields,
});

describe('lookUpMessage', () => {
  it('reads a message back as the bot reads one pushed to it: plain text, sender, time', async () => {
    stub.messages.set('om_read', item('om_read'));
    expect(await lookUpMessage(client, 'om_read', BOT_OPEN_ID, () => {})).toEqual({
      text: '请各位老师本周五前把学生志愿时长汇总发我',
      senderId: 'ou_li',
      ts: 1_800_000_000_000,
    });
  });

  it("gives nothing for a withdrawn message or an app's, and logs a call that failed", async () => {
    stub.messages.set('om_gone', item('om_gone', { deleted: true }));
    stub.messages.set('om_app', item('om_app', { sender: { id: 'cli_x', id_type: 'app_id', sender_type: 'app' } }));
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    expect(await lookUpMessage(client, 'om_gone', BOT_OPEN_ID, log)).toBeUndefined();
    expect(await lookUpMessage(client, 'om_app', BOT_OPEN_ID, log)).toBeUndefined();
    expect(await lookUpMessage(client, 'om_never', BOT_OPEN_ID, log)).toBeUndefined();
    expect(lines).toEqual(['feishu: could not read back om_never (im.message.get om_never: HTTP 400, code 230001 message not found)']);
  });
});
