import type { Contact, Message, Room } from 'wechaty';
import { MENTION_MARKS } from '../../src/bot/index.js';
import type { ChatGroup, ChatMessage } from '../../src/core/chat-message.js';
import { contactIdentity, type ContactIdentity } from './entities.js';
import type { IdentityResolver } from './identity.js';
import { kindOf, type KindInfo } from './message-kind.js';
import { parseQuote, QUOTED_LABELS, type Quote } from './quote.js';
import { quotedContent } from './quoted-content.js';
import type { RecentMessages } from './recent-messages.js';
import type { RoomMembers } from './room-members.js';

export interface MappingContext {
  identities: IdentityResolver;
  members: RoomMembers;
  recent: RecentMessages;
  /** The logged-in account. */
  self: Contact;
  isAdmin(room: Room | undefined, contact: Contact, who: ContactIdentity): boolean;
}

/** The puppet's id for "@所有人" in mentionIdList. */
const NOTIFY_ALL = 'notify@all';
const MENTION_ALL_TEXT = /@所有人|@all(?=[\s\u2005]|$)/i;

/** Full stops typed at a mention's end (@小助手. 统计, @J.R. Bot. 统计): not part of the name, dropped with it. */
const FULL_STOPS = '\\.*';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A title or file name that says what a link, mini-program or file is; rules may match on it. */
async function detailOf(msg: Message, info: KindInfo): Promise<string | undefined> {
  try {
    if (info.kind === 'link') return (await msg.toUrlLink()).title();
    if (info.kind === 'miniprogram') return (await msg.toMiniProgram()).title();
    if (info.kind === 'file') return msg.payload?.filename;
  } catch {
    // Puppets differ in what they can fetch; the placeholder alone still counts the message.
  }
  return undefined;
}

/** The names the bot goes by in a room: its WeChat name and its room alias (群昵称). */
async function selfNames(self: Contact, room: Room): Promise<string[]> {
  const alias = await room.alias(self);
  return alias ? [self.name(), alias] : [self.name()];
}

/**
 * "@name" for any of the bot's names, as a whole name: a mention ends where WeChat's U+2005, a space
 * or a mark ends it (@小助手，统计), a full stop at its end not counted; anything else after the name,
 * a letter, digit, emoji, _, · or -, makes another member's name (@小助手2, @小助手🌸, @小助手·王).
 */
function selfMention(names: string[]): RegExp {
  return new RegExp(`@(?:${names.map(escapeRegExp).join('|')})(?=${FULL_STOPS}(?:[\\s${MENTION_MARKS}]|$))`, 'gu');
}

/**
 * The words of a message to the bot: a leading mention of it is dropped with what ends it in
 * selfMention, full stops, spaces and marks, so "@小助手 统计", "@小助手。统计" and "@小助手. 统计"
 * read "统计", and any other reads @fingertip, the name commands know it by whatever its WeChat
 * name, as on Slack and Feishu: a setting's list of supervisors (设置 周报接收人 @王主任，@小助手)
 * then leaves it out.
 */
function commandText(text: string, mention: RegExp): string {
  const lead = new RegExp(`^\\s*(?:${mention.source})${FULL_STOPS}[\\s${MENTION_MARKS}]*`, 'u');
  return text.replace(lead, '').replace(mention, '@fingertip').trim();
}

/**
 * Whether the message mentions the bot. The puppet's list of mentioned members says so when it holds
 * the bot; a mention typed rather than picked is not always in it (wechat4u finds only names a space
 * ends), so the bot's name in the text counts too, unless the list holds another member who goes by
 * that name: the mention is theirs.
 */
async function mentionsSelf(room: Room, self: Contact, names: string[], mentionIds: string[], text: string): Promise<boolean> {
  if (mentionIds.includes(self.id)) return true;
  if (text.search(selfMention(names)) === -1) return false;
  const others = mentionIds.filter((id) => id !== NOTIFY_ALL);
  if (others.length === 0) return true;
  const namesakes = (await Promise.all(names.map((name) => room.memberAll(name)))).flat();
  return !namesakes.some((c) => c.id !== self.id && others.includes(c.id));
}

async function groupOf(room: Room, ctx: MappingContext): Promise<ChatGroup> {
  const topic = await room.topic();
  const members = await ctx.members.of(room);
  return { id: await ctx.identities.resolve('room', room.id, topic), name: topic, memberCount: members.length, members };
}

/**
 * Maps a wechaty message (not the bot's own, not stale, not a recall notice) to the plain
 * ChatMessage the bot takes.
 */
export async function toChatMessage(msg: Message, ctx: MappingContext): Promise<ChatMessage> {
  const info = kindOf(msg.type());
  const talker = msg.talker();
  const room = msg.room();
  const sender = await contactIdentity(ctx.identities, talker);
  const roomAlias = room ? await room.alias(talker) : undefined;
  const senderNames = roomAlias ? [roomAlias, ...sender.names] : sender.names;
  const group = room ? await groupOf(room, ctx) : null;

  const chat: ChatMessage = {
    platform: 'wechaty',
    id: msg.id,
    group,
    sender: { id: sender.id, name: senderNames[0] },
    text: msg.text(),
    ts: msg.date().getTime(),
    kind: info?.kind ?? 'text',
    replyTo: null,
    addressed: !room,
    senderIsAdmin: ctx.isAdmin(room, talker, sender),
  };
  // What a later quote of this message may show, to find it again.
  const quotable: string[] = [];
  let quote: Quote | undefined;
  if (info) {
    const detail = await detailOf(msg, info);
    chat.text = detail ? `${info.placeholder} ${detail}` : info.placeholder;
    quotable.push(...[detail, QUOTED_LABELS[info.placeholder]].filter((q): q is string => !!q));
  } else {
    // A quote shows the quoted message before the reply; only the reply is this message's text.
    quote = parseQuote(chat.text);
    if (quote) {
      chat.text = quote.reply;
      if (group) chat.replyTo = ctx.recent.findQuoted(group.id, quote.quotedName, quote.quotedText) ?? null;
      if (!chat.replyTo) chat.quotesUnknown = true;
    }
    quotable.push(chat.text);
  }

  if (room) {
    const mentionIds = (msg.payload as { mentionIdList?: string[] } | undefined)?.mentionIdList ?? [];
    chat.mentionsAll = mentionIds.includes(NOTIFY_ALL) || MENTION_ALL_TEXT.test(chat.text);
    const names = await selfNames(ctx.self, room);
    if (!info && (await mentionsSelf(room, ctx.self, names, mentionIds, chat.text))) {
      chat.addressed = true;
      chat.text = commandText(chat.text, selfMention(names));
    }
    // Whose an unidentified quote is matters only to a command (`missed`): no member search for chatter.
    if (quote && chat.quotesUnknown && chat.addressed && group) {
      const quoted = await quotedContent(room, group.id, quote, ctx.self, ctx.identities);
      if (quoted) chat.quoted = quoted;
    }
  }
  ctx.recent.add({ id: msg.id, room: group?.id ?? null, senderId: sender.id, addressed: chat.addressed ?? false, senderNames, quotable });
  return chat;
}
