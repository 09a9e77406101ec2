import type { Client } from '@larksuiteoapi/node-sdk';
import { countField, textField } from '../common/read-by-type.js';
import { TtlCache } from '../common/ttl-cache.js';
import { apiCall } from './api-call.js';

export interface FeishuChat {
  name?: string;
  /** People in the chat, bots not counted (Feishu's user_count). */
  memberCount?: number;
  /** Open ids of the people in the chat. */
  members: string[];
  /** Open id of the chat's owner. */
  ownerId?: string;
}

/**
 * Chat names, sizes, owners and members from the IM API (im.v1.chat.get and chat members),
 * cached for `ttlMs` so a busy chat costs a few calls an interval, not some per message.
 */
export class FeishuChats {
  private readonly cache: TtlCache<FeishuChat>;

  constructor(
    private readonly client: Client,
    ttlMs: number,
  ) {
    this.cache = new TtlCache(ttlMs);
  }

  get(chatId: string): Promise<FeishuChat> {
    return this.cache.get(chatId, async () => {
      const [info, members] = await Promise.all([
        apiCall(`im.v1.chat.get ${chatId}`, () => this.client.im.v1.chat.get({ path: { chat_id: chatId }, params: { user_id_type: 'open_id' } })),
        this.members(chatId),
      ]);
      // Each field by its type: an object name would be stored as its JSON, a count of true as 1.
      return {
        name: textField(info.data?.name),
        memberCount: countField(info.data?.user_count) ?? members.length,
        members,
        ownerId: textField(info.data?.owner_id),
      };
    });
  }

  private async members(chatId: string): Promise<string[]> {
    const all: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await apiCall(`im.v1.chatMembers.get ${chatId}`, () =>
        this.client.im.v1.chatMembers.get({ path: { chat_id: chatId }, params: { member_id_type: 'open_id', page_size: 100, page_token: pageToken } }),
      );
      all.push(...(page.data?.items ?? []).map((m) => textField(m.member_id)).filter((id): id is string => id !== undefined));
      pageToken = page.data?.has_more === true ? textField(page.data.page_token) : undefined;
    } while (pageToken);
    return all;
  }
}
