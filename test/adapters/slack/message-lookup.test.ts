import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.js';
import { lookUpMessage } from '../../../adapters/slack/message-lookup.js';
import { createWebClient } from '../../../adapters/slack/web-client.js';
import { startSlackApiStub, STUB_BOT_USER, type SlackApiStub } from '../../support/slack-api-stub.js';

let stub: SlackApiStub;
beforeAll(async () => {
  stub = await startSlackApiStub({
    channels: {
      C01: {
        name: 'ops',
        members: ['U1', 'U2'],
        messages: [
          { ts: '1700000000.000100', user: 'U1', text: 'Team, <@UBOT> kindly mark the handbook as read by Friday' },
          { ts: '1700000005.000200', user: 'U2', text: 'lunch?' },
          { ts: '1700000009.000300', bot_id: 'B7', text: 'Reminder: fill in the form' },
          { ts: '1700000012.000400', user: 'U2', subtype: 'channel_join', text: '<@U2> has joined the channel' },
        ],
      },
    },
  });
});
afterAll(() => stub.close());

const client = () =>
  createWebClient(
    { token: 'xoxb-t', port: 0, apiUrl: stub.url, admins: [] },
    boltLogger(() => {}),
  );

describe('lookUpMessage', () => {
  it('reads one channel message back as the bot reads one arriving: plain text, sender, time', async () => {
    expect(await lookUpMessage(client(), 'C01/1700000000.000100', STUB_BOT_USER, () => {})).toEqual({
      text: 'Team, @fingertip kindly mark the handbook as read by Friday',
      senderId: 'U1',
      ts: 1_700_000_000_000,
    });
    expect(stub.callsTo('conversations.history').at(-1)?.args).toMatchObject({ channel: 'C01', latest: '1700000000.000100', oldest: '1700000000.000100' });
  });

  it("gives nothing for a message that is not there, a bot's or a system message, or an id that is not Slack's", async () => {
    const look = (id: string) => lookUpMessage(client(), id, STUB_BOT_USER, () => {});
    expect(await look('C01/1700000001.000000')).toBeUndefined();
    expect(await look('C01/1700000009.000300')).toBeUndefined();
    expect(await look('C01/1700000012.000400')).toBeUndefined();
    const calls = stub.callsTo('conversations.history').length;
    expect(await look('not-an-id')).toBeUndefined();
    expect(stub.callsTo('conversations.history')).toHaveLength(calls);
  });

  it('logs a failed call and gives nothing', async () => {
    const lines: string[] = [];
    expect(await lookUpMessage(client(), 'C99/1700000000.000100', STUB_BOT_USER, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual(['slack: could not read back C99/1700000000.000100 (An API error occurred: channel_not_found)']);
  });
});
