/**
 * What an adapter hands to the bot: plain data only. Adapters translate their platform's
 * events into this shape and never reach into the engine or the store.
 */
export interface ChatGroup {
  id: string;
  name?: string;
  /** Members of the group including the sender, when the platform tells; drives the burden estimate. */
  memberCount?: number;
  /** Member ids, when known; used for group-sprawl (membership overlap). */
  members?: string[];
  /** What the bot receives of the group: every message, or only those that @-mention it (DingTalk robots). */
  coverage?: 'full' | 'mentions-only';
}

export interface ChatUser {
  id: string;
  name?: string;
}

/**
 * Someone the text @-mentions, as a platform that keeps ids out of the text tells it: the name the
 * text shows them by, where the platform pairs it with them (Feishu, not DingTalk), and the id a
 * message reaches them by, where they have one (not DingTalk's people outside the organisation).
 */
export interface MentionedPerson {
  name?: string;
  id?: string;
}

/**
 * What a message without words of its sender is, its text then a typed placeholder such as "[image]".
 * A message with words is 'text' whatever it carries besides (a picture with a caption, a post with
 * an image), for the words are what rules and commands read.
 */
export type MessageKind = 'text' | 'image' | 'file' | 'link' | 'miniprogram' | 'reaction' | 'other';

/**
 * A quoted message as the quote shows it, for a message the bot may never have read: its text, and
 * what the platform shows besides. WeChat gives no id (the adapter makes one from room, sender and
 * text) and no time; DingTalk gives the quoted message's id, and its time where it has it.
 */
export interface QuotedContent {
  id: string;
  text: string;
  /** Its sender, as the adapter names senders; absent when the adapter cannot tell who that is. */
  senderId?: string;
  /** When it was sent (epoch ms), when the quote shows it. */
  sentAt?: number;
}

export interface ChatMessage {
  platform: string;
  /** The platform's message id, unique within the platform (Slack: `<channel id>/<ts>`). */
  id: string;
  /** The platform's delivery id when it redelivers events (Slack event_id); deduped persistently. */
  eventId?: string;
  /** null for a direct (private) message to the bot. */
  group: ChatGroup | null;
  sender: ChatUser;
  text: string;
  /** Epoch milliseconds. */
  ts: number;
  kind?: MessageKind;
  /** @所有人, <!channel>, <!here>, <!everyone>, @all. */
  mentionsAll?: boolean;
  /**
   * The people besides the bot and the whole group that the text @-mentions by name while the
   * platform knows them by an id the text does not show (DingTalk, Feishu): a command naming them
   * takes their ids. Absent where the text holds the id (Slack's <@U…>) or a name reaches them (WeChat).
   */
  mentioned?: MentionedPerson[];
  /** The message is addressed to the bot (an @-mention, a DM, a slash command). */
  addressed?: boolean;
  /**
   * Only the bot sees it, though it names a group (Slack's slash command): never group traffic, so
   * what is not a command is answered like a direct message, not stored, counted or nudged about.
   */
  toBotOnly?: boolean;
  /** The platform message id this one replies to, quotes, threads under or reacts to. */
  replyTo?: string | null;
  /**
   * It quotes a message the adapter could not identify (a WeChat quote names a sender and shows
   * text, not an id, and the bot may not have read the quoted one): commands that act on the message
   * replied to must not take the group's latest instead.
   */
  quotesUnknown?: boolean;
  /**
   * What the quote shows of the message quoted: with `replyTo` (DingTalk), or with `quotesUnknown`
   * when the adapter can tell whose it is (WeChat). Commands read it for a message the bot holds
   * no record of.
   */
  quoted?: QuotedContent;
  /**
   * Where the platform has no replies (the shell): the id of the message before this one in its group,
   * which a command about "the message before it" (`not formalism`, `why`) reads up to, so that run
   * again after a crash, or late, it acts on the same message and not on one stored since.
   */
  follows?: string;
  /** The sender is a platform admin/owner of the group, as the adapter knows it. */
  senderIsAdmin?: boolean;
}
