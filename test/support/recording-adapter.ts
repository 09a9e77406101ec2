import type { Adapter, LookedUpMessage, MessageChanges, Outgoing } from '../../src/core/adapter.js';
import type { ChatMessage } from '../../src/core/chat-message.js';

export interface Sent {
  to: 'group' | 'private';
  id: string;
  text: string;
  groupId?: string;
  /** The message a group reply answers. */
  replyTo?: string;
}

/**
 * A chat platform stand-in for bot tests: it records what the bot sends and lets the test say
 * messages. Admins are whoever the test names.
 */
export class RecordingAdapter implements Adapter {
  readonly sent: Sent[] = [];
  readonly flags: { id: string; categories: string[] }[] = [];
  admins = new Set<string>();
  /** Whether it stands in for a platform without replies, as the shell is. */
  noReplies = false;
  /** Messages the platform holds and gives back by id, read or not by this bot (another instance may have). */
  readonly held = new Map<string, LookedUpMessage>();
  private onMessage?: (msg: ChatMessage) => Promise<void>;
  /** What the platform tells the bot of messages said before: removed (recalled, deleted) or edited. */
  changes?: MessageChanges;
  private seq = 0;

  /** `platform` names a real one where its id formats matter (src/core/sender-in-id.ts). */
  constructor(readonly platform = 'test') {}

  async start(onMessage: (msg: ChatMessage) => Promise<void>, changes?: MessageChanges): Promise<void> {
    this.onMessage = onMessage;
    this.changes = changes;
  }

  /** Says a message; resolves once the bot handled it. */
  say(text: string, opts: Partial<ChatMessage> & { from?: string; group?: ChatMessage['group'] } = {}): Promise<void> {
    const { from = 'u1', ...rest } = opts;
    const msg: ChatMessage = {
      platform: this.platform,
      id: `m${++this.seq}`,
      group: { id: 'g1', name: 'ops', memberCount: 11 },
      sender: { id: from, name: from },
      text,
      ts: Date.UTC(2026, 10, 24, 2, 0) + this.seq * 1000, // Tuesday 10:00 in Shanghai
      kind: 'text',
      ...rest,
    };
    return this.onMessage!(msg);
  }

  async sendToGroup(groupId: string, out: Outgoing, opts?: { replyTo?: string }): Promise<void> {
    this.sent.push({ to: 'group', id: groupId, text: out.text, ...(opts?.replyTo && { replyTo: opts.replyTo }) });
  }

  async sendPrivate(userId: string, out: Outgoing, opts?: { groupId?: string }): Promise<void> {
    this.sent.push({ to: 'private', id: userId, text: out.text, groupId: opts?.groupId });
  }

  async groupMembers(): Promise<string[]> {
    return [];
  }

  async isGroupAdmin(_groupId: string, userId: string): Promise<boolean> {
    return this.admins.has(userId);
  }

  async messageOf(messageId: string) {
    return this.held.get(messageId);
  }

  async stop(): Promise<void> {}

  showFlag(msg: ChatMessage, flag: { categories: string[] }): void {
    this.flags.push({ id: msg.id, categories: flag.categories });
  }

  last(): Sent | undefined {
    return this.sent.at(-1);
  }
}
