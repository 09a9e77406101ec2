import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { waitFor } from '../../support/wait-for.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET } from './signed-request.js';

// A Web API that takes a request and never answers: real Bolt over HTTP, the local stub stalling one method.

let stub: SlackApiStub | undefined;

afterEach(async () => {
  await stub?.close();
});

describe('Slack adapter on a Web API that stalls', () => {
  it('says a stop that ran out of time waited on the store, when no Web API call was under way', async () => {
    stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'UBOT'] } } });
    const logs: string[] = [];
    const adapter = createSlackAdapter(
      { token: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: stub.url, admins: [] },
      { log: (line) => logs.push(line), sendIntervalMs: 0, apiTimeoutMs: 200 },
    );
    // As the bot does when its database does not answer: the event's write never ends.
    let handed = false;
    await adapter.start(() => {
      handed = true;
      return new Promise<void>(() => {});
    });
    const event = { type: 'message', channel: 'C01', user: 'U1', ts: '1800000005.000200', text: '请大家今晚十点前完成打卡' };
    const answered = sendSigned(adapter.port!, eventEnvelope(event)).catch(() => 'closed');
    await waitFor(() => handed, 'the event handed to the bot', 5000);
    await adapter.stop();
    expect(logs).toContain('slack: stopped after 0.4 s with 1 event still waiting on the store (the database not answering); Slack delivers them again');
    expect(await answered).toBe('closed');
  });

  it('gives a stalled call up after its time limit, and stops within a bound while the call is tried again', async () => {
    stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'UBOT'] } } });
    const api = stub;
    const logs: string[] = [];
    const adapter: SlackAdapter = createSlackAdapter(
      { token: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.url, admins: [] },
      { log: (line) => logs.push(line), sendIntervalMs: 0, apiTimeoutMs: 200 },
    );
    // As the bot does with a command: the event's work ends with the answer sent.
    await adapter.start((msg) => adapter.sendPrivate(msg.sender.id, { text: 'stats' }, { groupId: msg.group?.id }));
    api.stall('chat.postEphemeral');
    const event = { type: 'app_mention', channel: 'C01', user: 'U1', ts: '1800000005.000100', text: '<@UBOT> stats' };
    const answered = sendSigned(adapter.port!, eventEnvelope(event)).catch(() => 'closed');

    // Tried again: the first request gave up after its time limit instead of waiting for ever.
    await waitFor(() => api.callsTo('chat.postEphemeral').length >= 2, 'the stalled call tried again', 5000);
    const stopped = await Promise.race([adapter.stop().then(() => 'stopped'), new Promise((r) => setTimeout(r, 10_000, 'still stopping'))]);
    expect(stopped).toBe('stopped');
    expect(logs).toContain('slack: stopped after 0.4 s with work still waiting on the Web API; Slack delivers the events not answered again');
    expect(await answered).toBe('closed');
  });
});
