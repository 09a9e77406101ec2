import type { ChatMessage, MessageKind } from './chat-message.js';
import type { Lang } from './lang.js';

/** Something the bot sends: text always, a PNG chart where the platform can show one. */
export interface Outgoing {
  text: string;
  image?: { png: Buffer; title: string };
}

/** A message as the platform holds it, read back by id (Adapter.messageOf). */
export interface LookedUpMessage {
  text: string;
  senderId: string;
  /** Epoch milliseconds. */
  ts: number;
  /** What it is, as ChatMessage.kind: absent for text. */
  kind?: MessageKind;
}

/**
 * What a platform tells of a message it delivered before, for adapters that hear of it (others never
 * call these). Each resolves once the change is committed: only then may the adapter acknowledge the
 * event, as it does a message.
 */
export interface MessageChanges {
  /** Message `id` was removed: deleted, or recalled (撤回) by its sender or an admin. */
  removed(id: string): Promise<void>;
  /**
   * Message `id` was edited and now reads `text`, and is of `kind` (a file whose caption was taken
   * off is a file again); `editedAt` (epoch ms), where the platform says when the edit was made: an
   * edit older than one applied already (a retry) is then ignored. Resolves to whether the message
   * is stored, so that the edit was applied or found older: false when it is not (yet) stored.
   */
  edited(id: string, text: string, editedAt?: number, kind?: MessageKind): Promise<boolean>;
}

/**
 * The joint between the bot and a chat platform. An adapter turns platform events into
 * ChatMessages and delivers what the bot says; it knows nothing of rules or storage.
 */
export interface Adapter {
  readonly platform: string;
  /**
   * The platform has no replies (the shell): a member cannot point at a message, so `why` and `not
   * formalism` act on the group's latest flagged one, and `missed` on its latest unflagged one.
   * Elsewhere they take only the message replied to.
   */
  readonly noReplies?: boolean;
  /**
   * A message it delivers again comes with a new time (the shell's piped line fed again is read anew),
   * where elsewhere a redelivery repeats the message's own: a lead's marks then hold no time, so
   * identical leads about one group count once however far apart (see command-key.ts leadMarks).
   */
  readonly redeliversWithNewTime?: boolean;
  /**
   * A command delivered again is its member asking again (the shell's piped line of an earlier run),
   * not the platform retrying: one found done is answered that it was handled before, where a retry
   * is met with silence.
   */
  readonly saysHandledBefore?: boolean;
  /**
   * One process at a time serves it on a store (the shell, which instances must not share): a command
   * it finds begun and not running here was begun by a run that died, and is taken over at once,
   * where platform adapters, run as several instances, wait out the lease (bot.ts claimCommand).
   */
  readonly runsAlone?: boolean;
  /**
   * Connects and starts delivering messages, and the removals and edits of earlier ones where the
   * platform tells of them (`changes`); resolves once it is receiving. `groupLanguage` is the language
   * a group's admins chose for the bot's answers, as the bot last read it (no I/O: it is asked when
   * the bot's work failed), for what an adapter says itself to a command that has none (a bare slash
   * command).
   */
  start(onMessage: (msg: ChatMessage) => Promise<void>, changes?: MessageChanges, groupLanguage?: (groupId: string) => Lang | undefined): Promise<void>;
  /**
   * Readies sending alone, beside a running bot on the same account (`digest --send`): no receiver,
   * socket or stream is opened, so no port is taken and no event meant for the bot goes elsewhere.
   * Absent where a platform cannot send without the full connection (WeChat needs its login).
   */
  startSending?(): Promise<void>;
  sendToGroup(groupId: string, out: Outgoing, opts?: { replyTo?: string }): Promise<void>;
  /** A private answer; `groupId` lets platforms answer ephemerally inside the group instead of a DM. */
  sendPrivate(userId: string, out: Outgoing, opts?: { groupId?: string }): Promise<void>;
  groupMembers(groupId: string): Promise<string[]>;
  /**
   * The config setting that keeps the bot from posting in groups unasked, while it is set so
   * (WeChat's adapters.wechaty.speakInRooms off): a nudge could not be posted. Absent where it posts.
   */
  readonly silentInGroupsBy?: string;
  /** Whether the platform counts this user as an owner/admin of the group. */
  isGroupAdmin(groupId: string, userId: string): Promise<boolean>;
  stop(): Promise<void>;
  /**
   * A message as the platform holds it, read back when a member reports a demand the bot missed in a
   * message this process does not hold (another instance read it, or the bot restarted since).
   * Absent where the platform cannot look a message up; undefined when it is not there.
   */
  messageOf?(messageId: string): Promise<LookedUpMessage | undefined>;
  /** A local echo of a flagged message, for adapters whose user watches the bot at work (the shell). */
  showFlag?(msg: ChatMessage, flag: { categories: string[]; rules: string[] }): void;
}
