import type { Adapter } from '../core/adapter.js';
import type { ChatMessage } from '../core/chat-message.js';
import type { Config } from '../core/config.js';
import type { Engine } from '../engine/engine.js';
import type { Store } from '../store/store.js';
import type { Lang } from '../core/lang.js';
import type { RecentTexts } from './recent-texts.js';

/** What a chat command may use: the message, where to answer, and the bot's parts. */
export interface CommandContext {
  msg: ChatMessage;
  args: string;
  lang: Lang;
  now: number;
  adapter: Adapter;
  store: Store;
  engine: Engine;
  config: Config;
  /** The groups' latest messages the bot left alone, for `missed`. */
  recent: RecentTexts;
  /** Group owner/admin on the platform, or listed under `admins` in the config. */
  isAdmin(): Promise<boolean>;
  /** Answers the sender alone (ephemeral in the group or a direct message, as the platform allows). */
  replyPrivately(text: string): Promise<void>;
  /** Answers in the group (or privately when the command came by direct message). */
  replyInGroup(text: string): Promise<void>;
  /** Group settings changed: drop what the bot cached of them. */
  settingsChanged(groupId: string): void;
  /** The mark that this command finished, for a store write that must commit with it (a lead). */
  doneKey: string;
}

export type CommandHandler = (ctx: CommandContext) => Promise<void>;
