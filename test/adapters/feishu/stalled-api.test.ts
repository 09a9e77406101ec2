import type { EventDispatcher } from '@larksuiteoapi/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuAdapter } from '../../../adapters/feishu/index.js';
import type { Adapter } from '../../../src/core/adapter.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { waitFor } from '../../support/wait-for.js';
import { receiveEvent, startFeishuStub, type FeishuStub } from './feishu-stub.js';

// An open API that takes a request and never answers: the SDK's Client against the local stand-in.

const CHAT_INFO = '/open-apis/im/v1/chats/oc_ops';

let stub: FeishuStub | undefined;
afterEach(async () => {
  await stub?.close();
});

/** An adapter with a short time limit on the stand-in, started with `onMessage`; events go to `deliver`. */
async function started(api: FeishuStub, logs: string[], onMessage: (msg: ChatMessage) => Promise<void>) {
  let dispatcher!: EventDispatcher;
  const adapter: Adapter = createFeishuAdapter(
    { appId: 'cli_0123456789abcdef', appSecret: 'secret', groupMessages: true, apiUrl: api.url },
    { log: (line) => logs.push(line), apiTimeoutMs: 200, connect: async (d) => void (dispatcher = d) },
  );
  await adapter.start(onMessage);
  const deliver = (id: string) =>
    dispatcher.invoke(receiveEvent(`ev-${id}`, { message_id: id, content: JSON.stringify({ text: '收到' }) }), { needCheck: false });
  return { adapter, deliver };
}

const stopWithin = (adapter: Adapter, ms: number) =>
  Promise.race([adapter.stop().then(() => 'stopped'), new Promise((resolve) => setTimeout(resolve, ms, 'still stopping'))]);

describe('Feishu adapter on an open API that stalls', () => {
  it('keeps a message whose chat lookup timed out, and looks the chat up again for the next one', async () => {
    stub = await startFeishuStub({ oc_ops: { name: '运营群', owner: 'ou_boss', members: ['ou_li', 'ou_boss'] } });
    stub.stall('GET', CHAT_INFO);
    const logs: string[] = [];
    const received: ChatMessage[] = [];
    const { adapter, deliver } = await started(stub, logs, async (msg) => void received.push(msg));

    await deliver('om_1');
    expect(received.map((m) => [m.id, m.group])).toEqual([['om_1', { id: 'oc_ops', coverage: 'full' }]]);
    expect(logs).toContain('feishu: no details for chat oc_ops (im.v1.chat.get oc_ops: timeout of 200ms exceeded); message om_1 kept without a member count');
    // Not cached: the next message asks again.
    await deliver('om_2');
    expect(received.map((m) => m.id)).toEqual(['om_1', 'om_2']);
    expect(stub.callsTo('GET', CHAT_INFO)).toHaveLength(2);
    expect(await stopWithin(adapter, 10_000)).toBe('stopped');
  });

  it('stops within a bound while a message is still under way', async () => {
    stub = await startFeishuStub({ oc_ops: { name: '运营群', owner: 'ou_boss', members: ['ou_li', 'ou_boss'] } });
    const logs: string[] = [];
    let arrived = false;
    // Work that never ends, as a message whose answers keep waiting on the open API.
    const { adapter, deliver } = await started(stub, logs, () => {
      arrived = true;
      return new Promise<void>(() => {});
    });
    void deliver('om_1');
    await waitFor(() => arrived, 'the message handed over');
    expect(await stopWithin(adapter, 10_000)).toBe('stopped');
    expect(logs).toContain('feishu: stopped after 0.4 s with messages still waiting on the open API; Feishu pushes them again');
  });
});
