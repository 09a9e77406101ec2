import { FileBox } from 'file-box';
import { log, types, WechatyBuilder, type Contact, type Message, type Room, type Wechaty } from 'wechaty';
import type { Adapter, MessageChanges, Outgoing } from '../../src/core/adapter.js';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { BurstLog } from '../common/burst-log.js';
import { API_TIMEOUT_MS, stopWaitMs } from '../common/api-timeout.js';
import { settledWithin } from '../common/settled-within.js';
import { oneLine } from '../../src/core/errors.js';
import { isAdmin } from './admins.js';
import { Backoff } from './backoff.js';
import { withoutTheirCrashHandlers } from './crash-handlers.js';
import { Conversations } from './conversations.js';
import { contactIdentity } from './entities.js';
import { IdentityResolver } from './identity.js';
import { createMemoryIdentityStore, type IdentityStore } from '../common/identity-store.js';
import { showScan } from './login.js';
import { toChatMessage } from './map-message.js';
import { ignoreReason } from './message-filter.js';
import { PacedQueue, type Clock } from './paced-queue.js';
import { loadPuppet, type PuppetInstance } from './puppet.js';
import { recalledId } from './recalled-id.js';
import { RecentMessages } from './recent-messages.js';
import { RoomMembers } from './room-members.js';
import { DEFAULT_RESEND, sayRetried, type Resend } from './say-retried.js';
import type { WechatySettings } from './settings.js';
import { unreachable } from './unreachable.js';
import { detachRestartOnLogout } from './wechat4u.js';

export interface WechatyDeps {
  /** Where stable identities persist; the bot backs it with SQLite. In memory when absent. */
  identities?: IdentityStore;
  /** Status lines and the login QR code; stderr when absent. */
  print?: (line: string) => void;
  /** The outbound pace's clock and jitter source. */
  clock?: Clock;
  random?: () => number;
  /** The waits between attempts to reach WeChat; 5 s, doubling, at most 5 min when absent. */
  backoff?: Backoff;
  /** How long stop() waits for the messages being handled; as the other adapters wait when absent. */
  stopWaitMs?: number;
  /** How a message WeChat refuses is sent again; DEFAULT_RESEND when absent. */
  resend?: Resend;
}

/** The bot on a WeChat account through wechaty and the configured puppet. */
export class WechatyAdapter implements Adapter {
  readonly platform = 'wechaty';
  private readonly identities: IdentityResolver;
  private readonly members: RoomMembers;
  private readonly recent = new RecentMessages();
  /** Deliveries being handled, by message id, each settling to whether it was handled. */
  private readonly handling = new Map<string, Promise<boolean>>();
  private readonly queue: PacedQueue;
  private readonly print: (line: string) => void;
  private readonly failures: BurstLog;
  private readonly backoff: Backoff;
  private readonly stopWaitMs: number;
  private readonly resend: Resend;
  private puppet?: PuppetInstance;
  private bot?: Wechaty;
  /** The puppet's stops and starts after WeChat could not be reached, in order. */
  private lifecycle: Promise<void> = Promise.resolve();
  /** An attempt failed and the next has not begun: its further errors are said already. */
  private retrying = false;
  private retryTimer?: NodeJS.Timeout;
  private endWait?: () => void;
  /** Aborted by stop(): no new attempt to reach WeChat, and no message sent again. */
  private readonly stopping = new AbortController();
  private conversations?: Conversations;
  /** Messages dated before the current login are replays; none is current before a login. */
  private loginAt = Infinity;

  constructor(
    private readonly settings: WechatySettings,
    deps: WechatyDeps = {},
  ) {
    this.identities = new IdentityResolver(deps.identities ?? createMemoryIdentityStore());
    this.members = new RoomMembers(this.identities, () => this.bot?.currentUser.id);
    this.queue = new PacedQueue(settings.pace, deps.clock, deps.random);
    this.print = deps.print ?? ((line) => process.stderr.write(`${line}\n`));
    this.failures = new BurstLog((line) => this.print(`wechaty: ${line}`), 'messages not handled');
    this.backoff = deps.backoff ?? new Backoff();
    this.stopWaitMs = deps.stopWaitMs ?? stopWaitMs(API_TIMEOUT_MS);
    this.resend = deps.resend ?? DEFAULT_RESEND;
  }

  /**
   * Resolves once the puppet runs; messages flow after the login (QR code scanned, or session
   * resumed), and recalls (撤回) as removals. WeChat has no edits.
   */
  async start(onMessage: (msg: ChatMessage) => Promise<void>, changes?: MessageChanges): Promise<void> {
    log.level(this.settings.logLevel as Parameters<typeof log.level>[0]);
    const { puppetOptions, token } = this.settings;
    const puppet = await withoutTheirCrashHandlers(() => loadPuppet(this.settings.puppet, token ? { ...puppetOptions, token } : puppetOptions));
    this.puppet = puppet;
    const bot = WechatyBuilder.build({ puppet, name: this.settings.session });
    this.bot = bot;
    this.conversations = new Conversations(bot, this.identities);

    bot.on('scan', (qrcode, status) => showScan(qrcode, status, this.print));
    bot.on('login', (user) => {
      this.loginAt = Date.now();
      this.backoff.reset();
      this.print(`wechaty: logged in as ${user.name()}`);
    });
    bot.on('logout', (user, reason) => {
      this.loginAt = Infinity;
      this.identities.forgetSession();
      this.members.clear();
      this.print(`wechaty: ${user.name()} logged out${reason ? ` (${reason})` : ''}; scan the next QR code to log in again`);
    });
    bot.on('room-join', (room) => this.members.invalidate(room.id));
    bot.on('room-leave', (room) => this.members.invalidate(room.id));
    bot.on('room-topic', (room, topic) => void this.identities.resolve('room', room.id, topic).catch((err) => this.warn(err)));
    bot.on('error', (err) => this.onError(bot, err));
    bot.on('message', (msg) => void this.receive(msg, onMessage, changes));
    await this.launch(bot);
  }

  get silentInGroupsBy(): string | undefined {
    return this.settings.speakInRooms ? undefined : 'adapters.wechaty.speakInRooms';
  }

  async sendToGroup(groupId: string, out: Outgoing, opts: { replyTo?: string } = {}): Promise<void> {
    const asker = opts.replyTo ? this.recent.askerOf(opts.replyTo) : undefined;
    if (!this.settings.speakInRooms) {
      // Silent in rooms: an answer to a command goes to whoever asked; anything else (a nudge) is not posted.
      if (asker) return this.sendPrivate(asker, out);
      this.print(`wechaty: not posting in room ${groupId} (adapters.wechaty.speakInRooms is off)`);
      return;
    }
    const room = await this.live().room(groupId);
    const mention = asker ? [await this.live().contact(asker)] : [];
    await this.deliver(`room:${room.id}`, `room ${await room.topic()}`, room, out, mention);
  }

  async sendPrivate(userId: string, out: Outgoing): Promise<void> {
    const contact = await this.live().contact(userId);
    await this.deliver(`contact:${contact.id}`, contact.name(), contact, out, []);
  }

  async groupMembers(groupId: string): Promise<string[]> {
    return this.members.of(await this.live().room(groupId));
  }

  async isGroupAdmin(groupId: string, userId: string): Promise<boolean> {
    if (this.settings.admins.includes(userId)) return true;
    const room = await this.live().room(groupId);
    const contact = await this.live().contact(userId);
    return isAdmin(this.settings.admins, room, contact, await contactIdentity(this.identities, contact));
  }

  /**
   * Refuses what waits in the outbound queue, lets the message being sent go out, waits for the
   * messages being handled (WeChat never delivers them again), then stops wechaty. The wait is
   * bounded as the other adapters' is: a lookup that stalled must not keep a SIGTERM from ending the bot.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.queue.close();
    const drained = (async () => {
      while (this.handling.size > 0) await Promise.all(this.handling.values());
    })();
    if (!(await settledWithin(drained, this.stopWaitMs))) {
      this.print(
        `wechaty: stopped after ${this.stopWaitMs / 1000} s with ${this.handling.size} messages still being handled; WeChat does not deliver them again`,
      );
    }
    clearTimeout(this.retryTimer);
    this.endWait?.();
    await this.lifecycle;
    detachRestartOnLogout(this.puppet);
    // Left stopped by a retry cut short, wechaty would warn that it is stopped already.
    if (this.bot && this.bot.state.inactive() !== true) await this.bot.stop();
    this.failures.flush();
  }

  private async receive(msg: Message, onMessage: (msg: ChatMessage) => Promise<void>, changes: MessageChanges | undefined): Promise<void> {
    // A repeat while an earlier delivery is handled waits for it: handled, the repeat is a duplicate;
    // failed, the repeat is handled afresh (a puppet may not deliver it again).
    for (let earlier = this.handling.get(msg.id); earlier; earlier = this.handling.get(msg.id)) if (await earlier) return;
    const outcome = msg.type() === types.Message.Recalled ? this.recall(msg, changes) : this.handle(msg, onMessage);
    this.handling.set(msg.id, outcome);
    await outcome;
    if (this.handling.get(msg.id) === outcome) this.handling.delete(msg.id);
  }

  /** Whether the message was handled (or is not to be): false when its work failed, logged. */
  private async handle(msg: Message, onMessage: (msg: ChatMessage) => Promise<void>): Promise<boolean> {
    const bot = this.bot;
    try {
      if (!bot?.isLoggedIn) {
        // Lost: no puppet delivers it again; but said, so that a gap in the store is explained.
        this.failures.report(`message ${msg.id} not handled: the account is not logged in`);
        return true;
      }
      if (ignoreReason(msg, this.loginAt, this.recent)) return true;
      const chat = await toChatMessage(msg, {
        identities: this.identities,
        members: this.members,
        recent: this.recent,
        self: bot.currentUser,
        isAdmin: (room, contact, who) => isAdmin(this.settings.admins, room, contact, who),
      });
      // Recent from here (an answer needs to know who asked), but handled only once the bot's work,
      // which ends with the commit, resolves: a failed message is forgotten, so a redelivery counts.
      await onMessage(chat);
      return true;
    } catch (err) {
      this.recent.forget(msg.id);
      this.failures.report(`message ${msg.id} not handled: ${oneLine(err)}`);
      return false;
    }
  }

  /**
   * A recall notice: the message it names is removed, whenever it was sent (a notice replayed after a
   * re-login still names a message that is gone), and forgotten here. Its id is read from the notice's
   * text (see recalled-id.ts), whether or not the puppet still holds the message; a notice naming none
   * is said in one line, without its text (the recaller's name), and nothing is stored of it.
   */
  private async recall(msg: Message, changes: MessageChanges | undefined): Promise<boolean> {
    if (!changes || msg.self()) return true;
    const id = recalledId(msg.text());
    if (!id) {
      this.print(`wechaty: recall notice ${msg.id} names no message id this puppet gives; nothing removed`);
      return true;
    }
    try {
      await changes.removed(id);
      this.recent.forget(id);
      return true;
    } catch (err) {
      this.failures.report(`recall notice ${msg.id} not handled: ${oneLine(err)}`);
      return false;
    }
  }

  /** Text, then the chart if any, each in its turn of the outbound pace; one not sent at the last is said, naming `who`. */
  private async deliver(lane: string, who: string, to: Room | Contact, out: Outgoing, mention: Contact[]): Promise<void> {
    const send = async (say: () => Promise<unknown>) => {
      try {
        await sayRetried(this.queue, lane, say, this.resend, this.stopping.signal);
      } catch (err) {
        this.print(`wechaty: message to ${who} ${oneLine(err)}`);
        throw err;
      }
    };
    const sent = [send(() => to.say(out.text, ...mention))];
    const image = out.image;
    if (image) sent.push(send(() => to.say(FileBox.fromBuffer(image.png, `${image.title}.png`))));
    await Promise.all(sent);
  }

  private launch(bot: Wechaty): Promise<void> {
    return withoutTheirCrashHandlers(() => bot.start());
  }

  /**
   * WeChat out of reach before the login (no network) stops the puppet, to start it again after a
   * wait that doubles up to minutes: one line per attempt, where the puppet would retry at once,
   * forever, logging each failure.
   */
  private onError(bot: Wechaty, err: unknown): void {
    const why = bot.isLoggedIn ? undefined : unreachable(err);
    if (!why) return this.warn(err);
    if (this.retrying || this.stopping.signal.aborted) return;
    this.retrying = true;
    // Here, before wechat4u follows this error with the logout that its puppet answers with a start.
    detachRestartOnLogout(this.puppet);
    const ms = this.backoff.next();
    this.print(`wechaty: ${why}; retrying in ${ms / 1000} s`);
    this.lifecycle = this.lifecycle.then(() => this.retryIn(bot, ms)).catch((e) => this.warn(e));
  }

  private async retryIn(bot: Wechaty, ms: number): Promise<void> {
    await bot.stop().catch((err) => this.warn(err));
    // Not unref'd: while the puppet is stopped, nothing else keeps the process alive. stop() ends it early.
    await new Promise<void>((resolve) => {
      this.endWait = resolve;
      this.retryTimer = setTimeout(resolve, ms);
    });
    this.retrying = false;
    if (!this.stopping.signal.aborted) await this.launch(bot);
  }

  private live(): Conversations {
    if (!this.conversations) throw new Error('wechaty adapter used before start()');
    return this.conversations;
  }

  private warn(err: unknown): void {
    this.print(`wechaty: ${oneLine(err)}`);
  }
}
