import type { Client } from '@larksuiteoapi/node-sdk';
import type { LookedUpMessage } from '../../src/core/adapter.js';
import { oneLine } from '../../src/core/errors.js';
import { apiCall } from './api-call.js';
import { fromReceiveEvent } from './map-event.js';

/**
 * A message read back by its id (im.message.get), as the bot would have read it arriving: plain
 * text, sender and time. Undefined for a message withdrawn or not found, an app's, and for a failed
 * call, which is logged: a member's report then says the text is gone.
 */
export async function lookUpMessage(client: Client, messageId: string, selfOpenId: string, log: (line: string) => void): Promise<LookedUpMessage | undefined> {
  try {
    const answer = await apiCall(`im.message.get ${messageId}`, () => client.im.v1.message.get({ path: { message_id: messageId } }));
    const item = answer.data?.items?.[0];
    if (!item || item.deleted || item.sender?.id_type !== 'open_id') return undefined;
    // The same mapping as a pushed event's, so the text reads as it would have then.
    const msg = fromReceiveEvent(
      {
        sender: { sender_id: { open_id: item.sender.id }, sender_type: item.sender.sender_type },
        message: {
          message_id: item.message_id ?? messageId,
          create_time: item.create_time,
          chat_id: item.chat_id,
          chat_type: 'group',
          message_type: item.msg_type,
          content: item.body?.content,
          mentions: item.mentions?.map((m) => ({ key: m.key, id: { open_id: m.id }, name: m.name })),
        },
      },
      selfOpenId,
      'full',
    );
    return msg ? { text: msg.text, senderId: msg.sender.id, ts: msg.ts, ...(msg.kind && msg.kind !== 'text' && { kind: msg.kind }) } : undefined;
  } catch (err) {
    log(`feishu: could not read back ${messageId} (${oneLine(err)})`);
    return undefined;
  }
}
